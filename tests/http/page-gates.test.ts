import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { admitPage, PAGE_LEASE_HEADER, pageRouteOf, pagesInFlight, releasePage } from "@/lib/http/page-gates";
import { proxy } from "@/proxy";

const leaseOf = (r: Response) => r.headers.get(`x-middleware-request-${PAGE_LEASE_HEADER}`);

describe("load shedding for pages", () => {
  const given: (string | null)[] = [];
  afterEach(() => {
    given.splice(0).forEach(releasePage);
    delete process.env.ROUTE_CONCURRENCY_BENCHMARKS_PAGE;
  });

  it("gates the heavy pages, each under its own limit, and leaves the light ones alone", () => {
    expect(pageRouteOf("/plan")).toEqual({ name: "plan", max: 16 });
    expect(pageRouteOf("/s/AbC123")).toEqual({ name: "shared", max: 16 });
    expect(pageRouteOf("/benchmarks")).toEqual({ name: "benchmarks", max: 8 });
    expect(pageRouteOf("/benchmarks/42")).toEqual({ name: "benchmarks", max: 8 });
    expect(pageRouteOf("/pricing")).toEqual({ name: "pricing", max: 16 });
    expect(pageRouteOf("/compare")).toEqual({ name: "compare", max: 16 });
    expect(pageRouteOf("/compare", { ROUTE_CONCURRENCY_COMPARE_PAGE: "3" })).toEqual({ name: "compare", max: 3 });
    expect(pageRouteOf("/")).toBeNull();
    expect(pageRouteOf("/upload")).toBeNull();
    expect(pageRouteOf("/s/a/b")).toBeNull();
  });

  it("past the limit answers a 503 page with Retry-After, and admits again when a render gives its lease back", async () => {
    process.env.ROUTE_CONCURRENCY_BENCHMARKS_PAGE = "2";
    const open = () => proxy(new NextRequest("http://localhost/benchmarks?device=samsung-s23"));
    const a = open();
    const b = open();
    given.push(leaseOf(a), leaseOf(b));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(leaseOf(a)).toMatch(/^[0-9a-f-]{36}$/);
    expect(pagesInFlight("benchmarks")).toBe(2);

    const shed = open();
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe("1");
    expect(shed.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await shed.text();
    expect(page).toContain("Busy right now");
    expect(page).toContain('<meta http-equiv="refresh" content="1">');
    // Another page has its own limit.
    const plan = proxy(new NextRequest("http://localhost/plan"));
    given.push(leaseOf(plan));
    expect(plan.status).toBe(200);

    releasePage(leaseOf(a)); // what the root layout does once the response is finished
    const c = open();
    given.push(leaseOf(c));
    expect(c.status).toBe(200);
  });

  it("gives the lease back when the client goes before the response is done", () => {
    process.env.ROUTE_CONCURRENCY_BENCHMARKS_PAGE = "1";
    const gone = new AbortController();
    const first = proxy(new NextRequest("http://localhost/benchmarks", { signal: gone.signal }));
    given.push(leaseOf(first));
    expect(proxy(new NextRequest("http://localhost/benchmarks")).status).toBe(503);
    gone.abort();
    const next = proxy(new NextRequest("http://localhost/benchmarks"));
    given.push(leaseOf(next));
    expect(next.status).toBe(200);
  });

  it("lets a lease that was never given back lapse after a minute", () => {
    const route = { name: "lapse-test", max: 1 };
    const t0 = 1_000_000;
    given.push(admitPage(route, t0));
    expect(admitPage(route, t0 + 59_999)).toBeNull();
    const later = admitPage(route, t0 + 60_000);
    given.push(later);
    expect(later).not.toBeNull();
  });

  it("does not count client-side navigations (no root layout renders to give the lease back) nor trust a client's lease", () => {
    process.env.ROUTE_CONCURRENCY_BENCHMARKS_PAGE = "1";
    const held = proxy(new NextRequest("http://localhost/benchmarks"));
    given.push(leaseOf(held));
    // A document from a browser is counted; the router's fetch of a page (Sec-Fetch-Dest: empty) is not.
    expect(proxy(new NextRequest("http://localhost/benchmarks", { headers: { "sec-fetch-dest": "document" } })).status).toBe(503);
    const navigation = proxy(
      new NextRequest("http://localhost/benchmarks", { headers: { "sec-fetch-dest": "empty", [PAGE_LEASE_HEADER]: leaseOf(held)! } }),
    );
    expect(navigation.status).toBe(200);
    expect(leaseOf(navigation)).toBeNull();
    expect(navigation.headers.get("x-middleware-override-headers")!.split(",")).not.toContain(PAGE_LEASE_HEADER);
    const light = proxy(new NextRequest("http://localhost/upload"));
    expect([light.status, leaseOf(light)]).toEqual([200, null]);
  });
});
