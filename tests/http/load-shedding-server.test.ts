/**
 * The production build (`server/start.mjs`) on a seeded temporary database: pages shed past
 * their limit and take requests again once responses are done (the root layout gives
 * each place back), and a client's own X-Forwarded-For does not make it a new client.
 * Needs a build (`next build`, as CI makes before the tests); without one it is skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { startApp, type AppServer } from "@/scripts/bench/app-server";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const root = process.cwd();
const built = existsSync(join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));

describe.skipIf(!built)("load shedding and the client key, on a running server", { timeout: 120_000 }, () => {
  let temp: TempDatabase;
  let app: AppServer;
  const env = { ROUTE_CONCURRENCY_PRICING_PAGE: "1", SHARE_LIMIT_BURST: "2", SHARE_LIMIT_PER_MINUTE: "1", TRUST_PROXY_HOPS: "0" };
  beforeAll(async () => {
    temp = await createTempDatabase();
    await seedDatabase(temp.db);
    const previous = { ...process.env };
    Object.assign(process.env, env);
    try {
      app = await startApp(root, temp.url);
    } finally {
      for (const key of Object.keys(env)) if (previous[key] === undefined) delete process.env[key];
    }
  }, 120_000);
  afterAll(() => {
    app?.stop();
    temp?.close();
  });

  it("gives a page's place back after each response: one at a time, every request is served", async () => {
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${app.baseUrl}/pricing`);
      await res.text();
      expect(res.status).toBe(200);
    }
  });

  it("leaves the router's fetches of a page (client-side navigations) uncounted: they never hold its place", async () => {
    // The browser marks them Sec-Fetch-Dest: empty; Next hides their RSC header from proxy.ts.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.baseUrl}/pricing?_rsc=test${i}`, { headers: { rsc: "1", "sec-fetch-dest": "empty" } });
      await res.text();
      expect(res.status).toBe(200);
    }
    const page = await fetch(`${app.baseUrl}/pricing`, { headers: { "sec-fetch-dest": "document" } });
    await page.text();
    expect(page.status).toBe(200);
  });

  it("answers requests past the page's limit with a 503 page and Retry-After, then serves again", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const res = await fetch(`${app.baseUrl}/pricing`);
        return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text() };
      }),
    );
    const shed = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    expect(shed[0]).toMatchObject({ retryAfter: "1", body: expect.stringContaining("Busy right now") });
    const after = await fetch(`${app.baseUrl}/pricing`);
    await after.text();
    expect(after.status).toBe(200);
  });

  it("counts a client that writes a new X-Forwarded-For each time as one client (its socket's address)", async () => {
    const scenario = JSON.parse(readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8"));
    const share = (users: number, forwardedFor: string) =>
      fetch(`${app.baseUrl}/api/scenarios`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ ...scenario, traffic: { ...scenario.traffic, monthlyActiveUsers: users } }),
      });
    // A burst of 2 new links per client: the third, from a "new" address, is the same client.
    const statuses = [];
    for (const [i, address] of ["198.51.100.1", "198.51.100.2", "198.51.100.3"].entries()) {
      const res = await share(10_001 + i, address);
      await res.text();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});
