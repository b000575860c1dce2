/**
 * Seed 001's cloud table, through the whole engine: 10M output tokens a month.
 * MAU 500 · 1 request/day · 20 days = 10,000 requests · 1,000 output tokens = 10M tokens.
 */
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { scenario, standardSnapshot } from "./fixtures";

const tenMillionOutputTokens = (outputUsdPerMTok: number) =>
  planScenario(
    scenario({
      horizonMonths: 1,
      traffic: { monthlyActiveUsers: 500, requestsPerUserPerDay: 1, activeDaysPerMonth: 20 },
      tiers: [{ id: "all", share: 1, inputTokens: 0, outputTokens: 1000 }],
      devices: [],
      cloud: { price: { name: `$${outputUsdPerMTok}/1M`, inputUsdPerMTok: 0, outputUsdPerMTok } },
    }),
    standardSnapshot(),
  ).strategies.cloudOnly.monthly[0]!.cloudUsd;

describe("seed 001: cloud cost of 10M output tokens a month", () => {
  it("Claude Sonnet 4.5 at $15/1M: $150", () => expect(tenMillionOutputTokens(15)).toBeCloseTo(150, 9)); // 10 · 15
  it("GPT-4.1 at $8/1M: $80", () => expect(tenMillionOutputTokens(8)).toBeCloseTo(80, 9)); // 10 · 8
  it("Gemini 2.5 Flash at $2.50/1M: $25", () => expect(tenMillionOutputTokens(2.5)).toBeCloseTo(25, 9)); // 10 · 2.5
  it("DeepSeek V3.2 at $0.42/1M: $4.20", () => expect(tenMillionOutputTokens(0.42)).toBeCloseTo(4.2, 9)); // 10 · 0.42
});
