/**
 * One phone, one model, one price, with round figures so the plan's numbers can
 * be worked out by hand in the tests beside each expectation:
 *
 *   requests/month = 1,000 MAU × 10 requests/day × 20 days = 200,000
 *   cloud $/request (tier "all": 100 in, 50 out at $1 / $2 per 1M) = (100·1 + 50·2)/1e6 = $0.0002
 *   cloud-only month = 200,000 × $0.0002 = $40; set-up $3,000
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario, type Plan } from "@/lib/model";
import { scenarioSchema, type Scenario, type ScenarioInput } from "@/lib/schemas/scenario";

export const snapshot: DatasetSnapshot = {
  devices: [
    {
      id: "phone-a",
      name: "Phone A",
      soc: null,
      kind: "phone",
      ramGB: 8,
      memoryBandwidthGBps: 60,
      batteryWh: 15,
      provenance: { ramGB: { status: "claimed", source: "spec sheet A" } },
    },
    {
      id: "phone-b",
      name: "Phone B with a very long marketing name",
      soc: null,
      kind: "phone",
      ramGB: 2,
      memoryBandwidthGBps: 20,
      batteryWh: 10,
      provenance: {},
    },
  ],
  variants: [
    {
      id: "v1",
      modelId: "m1",
      name: "Tiny 1B Q4_0",
      quantization: "Q4_0",
      sizeGB: 1,
      paramsB: 1,
      activeParamsB: null,
      architecture: "dense",
      quality: { mmlu: { score: 60, provenance: { status: "claimed", source: "model card" } } },
      provenance: { sizeGB: { status: "measured", source: "file size" } },
    },
  ],
  runs: [
    {
      id: 1,
      deviceId: "phone-a",
      variantId: "v1",
      runtime: "llama.cpp",
      backend: "cpu",
      status: "measured",
      provenance: { status: "measured", source: "bench A" },
      decodeTokensPerSec: 20,
      prefillTokensPerSec: null,
      ttftMs: 500,
      promptTokens: null,
      peakMemoryMB: 1500,
      weightsMB: null,
      powerW: 4,
      batteryDrainPctPer30Min: null,
      throttlePct: 25,
      throttleAfterMin: 5,
      coldStartSec: null,
      measuredAt: "2026-01-01",
    },
  ],
  prices: [
    {
      id: "p/model",
      provider: "p",
      modelKey: "model",
      name: "model",
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2,
      cachedInputUsdPerMTok: null,
      ttftMs: 400,
      tokensPerSec: 100,
      quality: { mmlu: 80 },
      effectiveDate: "2026-01-01",
      provenance: { status: "claimed", source: "price list" },
    },
  ],
};

export const scenarioInput: ScenarioInput = {
  version: 1,
  name: "Fixture",
  horizonMonths: 12,
  traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20, monthlyGrowthPct: 0 },
  tiers: [{ id: "all", share: 1, inputTokens: 100, outputTokens: 50, minQuality: 0 }],
  devices: [
    { device: "phone-a", share: 0.5 },
    { device: "phone-b", share: 0.25 },
  ],
  edge: { variant: "v1" },
  cloud: { price: "p/model" },
  costs: { setupUsd: { cloudOnly: 3000, hybrid: 5000, edgeOnly: 8000 } },
  constraints: { latencyBudgetMs: 5000, maxBatteryPctPerUserDay: 2 },
};

export function fixtureScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({ ...scenarioInput, ...overrides });
}

export function fixturePlan(overrides: Partial<ScenarioInput> = {}): Plan {
  return planScenario(fixtureScenario(overrides), snapshot);
}
