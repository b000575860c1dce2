import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { rankPrices } from "@/lib/planner/price-ranking";
import { fixtureScenario, snapshot } from "../plan-view/fixture";

// The fixture's price ($1 in / $2 out) and a cheaper, slower one.
const data: DatasetSnapshot = {
  ...snapshot,
  prices: [
    ...snapshot.prices,
    {
      ...snapshot.prices[0]!,
      id: "q/cheap",
      provider: "q",
      modelKey: "cheap",
      name: "cheap",
      inputUsdPerMTok: 0.5,
      outputUsdPerMTok: 1,
      ttftMs: 300,
      tokensPerSec: 50,
      quality: {},
    },
  ],
};

describe("rankPrices", () => {
  it("plans the scenario with every price and ranks them by cloud-only TCO", () => {
    const { rows, skipped } = rankPrices(fixtureScenario(), data);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => r.priceId)).toEqual(["q/cheap", "p/model"]);
    const [cheap, model] = rows;

    // 200,000 requests/month (1,000 MAU × 10 × 20); per request (100·0.5 + 50·1)/1e6 = $0.0001.
    expect(cheap!.cloudOnlyMonthOneUsd).toBeCloseTo(20, 9); // 200,000 × $0.0001, no cloud-only infrastructure
    expect(cheap!.cloudUsdPer1kRequests).toBeCloseTo(0.1, 9); // $20 ÷ 200,000 × 1,000
    expect(cheap!.cloudOnlyTcoUsd).toBeCloseTo(3240, 6); // $3,000 set-up + 12 × $20
    // 80 ms round trip + 300 ms first token + 1000 × 50 tokens ÷ 50 tok/s.
    expect(cheap!.latencyMs).toBeCloseTo(1380, 9);
    expect(cheap!.quality).toBeNull();

    // (100·1 + 50·2)/1e6 = $0.0002 per request: $40 a month, $3,000 + 12 × $40.
    expect(model!.cloudOnlyMonthOneUsd).toBeCloseTo(40, 9);
    expect(model!.cloudUsdPer1kRequests).toBeCloseTo(0.2, 9);
    expect(model!.cloudOnlyTcoUsd).toBeCloseTo(3480, 6);
    expect(model!.latencyMs).toBeCloseTo(980, 9); // 80 + 400 + 1000 × 50 ÷ 100
    expect(model!.quality).toBe(80);
    expect(model!.hybridTcoUsd).toBeGreaterThan(0);
  });

  it("plans only the prices asked for and names the ones it cannot plan", () => {
    const { rows, skipped } = rankPrices(fixtureScenario(), data, ["p/model", "nobody/none"]);
    expect(rows.map((r) => r.priceId)).toEqual(["p/model"]);
    expect(skipped.map((s) => s.priceId)).toEqual(["nobody/none"]);
    expect(skipped[0]!.reason).toMatch(/nobody\/none/);
  });
});
