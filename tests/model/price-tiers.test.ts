import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { cloudUsdPerRequest, longContextTierFor } from "@/lib/model/cloud-cost";
import { near, scenario, standardSnapshot } from "./fixtures";
import { snapshotWithLongContextPrice } from "./long-context-price";

// Claude Sonnet 4.5 in LiteLLM's feed of 2026-07-24: $3 / $15, cached $0.30; above 200k prompt
// tokens $6 / $22.50, cached $0.60. GPT-4.1: $2 / $8, batch $1 / $4.
const sonnet = {
  inputUsdPerMTok: 3,
  outputUsdPerMTok: 15,
  cachedInputUsdPerMTok: 0.3,
  cachedInputShare: 0,
  tiers: {
    longContext: [{ aboveInputTokens: 200_000, inputUsdPerMTok: 6, outputUsdPerMTok: 22.5, cachedInputUsdPerMTok: 0.6 }],
    batchInputUsdPerMTok: null,
    batchOutputUsdPerMTok: null,
  },
};

describe("long-context and batch prices", () => {
  it("bills the whole request at the long-context tier once the prompt passes its threshold", () => {
    // 200,000 tokens is not above 200k: (200,000·3 + 1,000·15)/1e6 = 0.6 + 0.015 = $0.615
    expect(cloudUsdPerRequest(200_000, 1000, sonnet)).toBeCloseTo(0.615, 12);
    // 200,001 tokens: (200,001·6 + 1,000·22.5)/1e6 = 1.200006 + 0.0225 = $1.222506
    expect(cloudUsdPerRequest(200_001, 1000, sonnet)).toBeCloseTo(1.222506, 12);
    // half cached: 250,000·(0.5·6 + 0.5·0.6) + 1,000·22.5 = 825,000 + 22,500 → $0.8475
    expect(cloudUsdPerRequest(250_000, 1000, { ...sonnet, cachedInputShare: 0.5 })).toBeCloseTo(0.8475, 12);
  });

  it("picks the highest threshold a prompt passes", () => {
    const tiers = [
      { aboveInputTokens: 272_000, inputUsdPerMTok: 5 },
      { aboveInputTokens: 128_000, inputUsdPerMTok: 4 },
    ];
    expect(longContextTierFor(100_000, tiers)).toBeNull();
    expect(longContextTierFor(200_000, tiers)?.inputUsdPerMTok).toBe(4);
    expect(longContextTierFor(300_000, tiers)?.inputUsdPerMTok).toBe(5);
  });

  it("bills the batch share at the batch prices", () => {
    const gpt41 = {
      inputUsdPerMTok: 2,
      outputUsdPerMTok: 8,
      cachedInputUsdPerMTok: 0.5,
      cachedInputShare: 0,
      batchShare: 0.25,
      tiers: { longContext: [], batchInputUsdPerMTok: 1, batchOutputUsdPerMTok: 4 },
    };
    // standard (1,000·2 + 500·8)/1e6 = $0.006; batch (1,000·1 + 500·4)/1e6 = $0.003
    // 0.75·0.006 + 0.25·0.003 = 0.0045 + 0.00075 = $0.00525
    expect(cloudUsdPerRequest(1000, 500, gpt41)).toBeCloseTo(0.00525, 15);
    // no batch prices: the batch share pays the standard price
    expect(cloudUsdPerRequest(1000, 500, { ...gpt41, tiers: { ...gpt41.tiers, batchInputUsdPerMTok: null } })).toBeCloseTo(0.006, 15);
  });
});

describe("a plan with a long-prompt tier and a batch share", () => {
  it("costs the cloud-only strategy from the tier and batch prices, to the cent", () => {
    const snapshot = snapshotWithLongContextPrice();
    const s = scenario({
      horizonMonths: 12,
      tiers: [
        { id: "chat", share: 0.5, inputTokens: 1000, outputTokens: 1000, minQuality: 0 },
        { id: "document", share: 0.5, inputTokens: 150_000, outputTokens: 1000, minQuality: 0 },
      ],
      cloud: { price: "acme/long", batchShare: 0.5 },
    });
    const plan = planScenario(s, snapshot, { tornado: false });
    // chat: standard (1,000·1 + 1,000·2)/1e6 = $0.003; batch (1,000·0.5 + 1,000·1)/1e6 = $0.0015
    //   → 0.5·0.003 + 0.5·0.0015 = $0.00225
    // document (150,000 > 100,000: long-context tier): standard (150,000·2 + 1,000·4)/1e6 = $0.304;
    //   batch (150,000·0.5 + 1,000·1)/1e6 = $0.076 → 0.5·0.304 + 0.5·0.076 = $0.19
    // per request 0.5·0.00225 + 0.5·0.19 = $0.096125
    // requests: 1,000 MAU · 10/day · 20 days = 200,000 a month → $19,225 a month, $230,700 over 12 months
    const cloudOnly = plan.strategies.cloudOnly;
    expect(near(cloudOnly.monthly[0]!.cloudUsd, 19_225)).toBe(true);
    expect(near(cloudOnly.tcoUsd, 230_700)).toBe(true);
    expect(plan.inputs["tiers.document.longContextInputUsdPerMTok"]).toMatchObject({ value: 2, status: "claimed" });
    expect(plan.inputs["cloud.batchShare"]?.value).toBe(0.5);
  });

  it("plans as the contract says when the price has no tiers and no batch share is set", () => {
    const plan = planScenario(scenario(), standardSnapshot(), { tornado: false });
    // simple (100·1 + 100·2)/1e6 = $0.0003; complex (1,000·1 + 500·2)/1e6 = $0.002 → mean $0.00115
    // 200,000 requests a month · $0.00115 = $230 a month
    expect(near(plan.strategies.cloudOnly.monthly[0]!.cloudUsd, 230)).toBe(true);
  });
});
