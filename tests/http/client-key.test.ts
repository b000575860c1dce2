import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { clientKeyOf } from "@/lib/http/rate-limit";
import { config, proxy } from "@/proxy";

const withForwarded = (value?: string) =>
  new Request("http://localhost/api/scenarios", { method: "POST", headers: value === undefined ? {} : { "x-forwarded-for": value } });

describe("the per-client key", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY_HOPS;
  });

  it("with no proxy trusted, is the one address Next's server sets from the socket", () => {
    expect(clientKeyOf(withForwarded("203.0.113.7"), 0)).toBe("203.0.113.7");
    // Had a client's header got through, the rightmost (the socket's, appended) would still be taken, not the forged first.
    expect(clientKeyOf(withForwarded("1.1.1.1, 203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("behind n trusted proxies, is the n-th address from the right, whatever the client wrote left of it", () => {
    // client 198.51.100.9 → proxy A (appends the client) → proxy B (appends A, 10.0.0.2) → app
    const header = "6.6.6.6, 198.51.100.9, 10.0.0.2";
    expect(clientKeyOf(withForwarded(header), 2)).toBe("198.51.100.9");
    expect(clientKeyOf(withForwarded(header), 1)).toBe("10.0.0.2");
    // Fewer addresses than trusted hops: the request went around the proxies; the leftmost it has.
    expect(clientKeyOf(withForwarded("198.51.100.9"), 3)).toBe("198.51.100.9");
  });

  it("without the header, is one bucket shared by all such requests", () => {
    expect(clientKeyOf(withForwarded(), 0)).toBe("unknown");
    expect(clientKeyOf(withForwarded(" , "), 1)).toBe("unknown");
  });

  it("reads TRUST_PROXY_HOPS as a whole number 0–10 (default 0) and names a bad value", () => {
    expect(readEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(readEnv({ TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(2);
    expect(() => readEnv({ TRUST_PROXY_HOPS: "yes" })).toThrow("TRUST_PROXY_HOPS must be a whole number of proxies, 0 to 10");
    expect(() => readEnv({ TRUST_PROXY_HOPS: "1.5" })).toThrow("TRUST_PROXY_HOPS must be a whole number of proxies, 0 to 10");
    expect(() => readEnv({ TRUST_PROXY_HOPS: "11" })).toThrow("TRUST_PROXY_HOPS must be a whole number of proxies, 0 to 10");
  });

  it("proxy.ts drops a client's X-Forwarded-For on the share route unless proxies are trusted", () => {
    const share = () =>
      proxy(new NextRequest("http://localhost/api/scenarios", { method: "POST", headers: { "x-forwarded-for": "6.6.6.6" } }));
    // NextResponse.next lists the request's headers it forwards in x-middleware-override-headers; Next drops the rest.
    const forwarded = (r: Response) => r.headers.get("x-middleware-override-headers")!.split(",");
    const dropped = share();
    expect(forwarded(dropped)).not.toContain("x-forwarded-for");
    // An API answer keeps its own policy: no page CSP here.
    expect(dropped.headers.get("content-security-policy")).toBeNull();
    process.env.TRUST_PROXY_HOPS = "1";
    const kept = share();
    expect(forwarded(kept)).toContain("x-forwarded-for");
    expect(kept.headers.get("x-middleware-request-x-forwarded-for")).toBe("6.6.6.6");
  });

  it("runs on the share route and on no other API route", () => {
    const sources = config.matcher.map((m) => new RegExp(`^${m.source}$`));
    const matches = (path: string) => sources.some((s) => s.test(path));
    expect(matches("/api/scenarios")).toBe(true);
    expect(matches("/api/scenarios/abc")).toBe(false);
    expect(matches("/api/plan")).toBe(false);
    expect(matches("/api/health")).toBe(false);
  });
});
