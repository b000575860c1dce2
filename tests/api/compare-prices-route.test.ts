import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as comparePost } from "@/app/api/compare/prices/route";
import { GET as pricesGet } from "@/app/api/prices/route";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";

/**
 * One tier, no phones: the cloud-only bill is the price's arithmetic alone.
 * requests/month = 1,000 MAU · 1 req/day · 30 days = 30,000
 * per request = (1,000 in · input + 500 out · output) / 1e6
 */
const scenario = {
  version: 1,
  traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 1, activeDaysPerMonth: 30 },
  tiers: [{ id: "all", share: 1, inputTokens: 1000, outputTokens: 500 }],
  devices: [],
  edge: { variant: "qwen3-1.7b-q4_0" },
  cloud: { price: "anthropic/claude-haiku-4-5" },
};

function post(body: unknown): Request {
  return new Request("http://localhost/api/compare/prices", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
}

interface Row {
  priceId: string;
  cloudOnlyMonthOneUsd: number;
  cloudUsdPer1kRequests: number;
  cloudOnlyTcoUsd: number;
}

describe("POST /api/compare/prices", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("plans the scenario with every current price, cheapest cloud-only TCO first", async () => {
    const prices = ((await (await pricesGet(new Request("http://localhost/api/prices"))).json()) as { prices: { key: string }[] }).prices;
    const res = await comparePost(post({ scenario }));
    expect(res.status).toBe(200);
    const { rows, skipped } = (await res.json()) as { rows: Row[]; skipped: unknown[] };
    expect(skipped).toEqual([]);
    expect(rows.map((r) => r.priceId).sort()).toEqual(prices.map((p) => p.key).sort());
    const tcos = rows.map((r) => r.cloudOnlyTcoUsd);
    expect(tcos).toEqual([...tcos].sort((a, b) => a - b));

    // claude-haiku-4-5 at $1 in / $5 out: (1,000 · 1 + 500 · 5) / 1e6 = $0.0035 a request;
    // 30,000 × $0.0035 = $105 a month, $3.50 per 1,000; TCO = $3,000 set-up + 36 × $105 = $6,780.
    const haiku = rows.find((r) => r.priceId === "anthropic/claude-haiku-4-5")!;
    expect(haiku.cloudOnlyMonthOneUsd).toBeCloseTo(105, 6);
    expect(haiku.cloudUsdPer1kRequests).toBeCloseTo(3.5, 9);
    expect(haiku.cloudOnlyTcoUsd).toBeCloseTo(6780, 6);
  });

  it("plans only the listed prices and names an unknown one", async () => {
    const res = await comparePost(post({ scenario, priceIds: ["anthropic/claude-haiku-4-5", "nobody/none"] }));
    const body = (await res.json()) as { rows: Row[]; skipped: { priceId: string }[] };
    expect(body.rows.map((r) => r.priceId)).toEqual(["anthropic/claude-haiku-4-5"]);
    expect(body.skipped.map((s) => s.priceId)).toEqual(["nobody/none"]);
  });

  it("answers 422 naming the field of a bad scenario or body", async () => {
    const bad = await comparePost(post({ scenario: { ...scenario, traffic: { monthlyActiveUsers: -1 } } }));
    expect(bad.status).toBe(422);
    const issues = ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues;
    expect(issues.map((i) => i.path)).toContain("traffic.monthlyActiveUsers");

    const extra = await comparePost(post({ scenario, prices: [] }));
    expect(extra.status).toBe(422);
  });
});
