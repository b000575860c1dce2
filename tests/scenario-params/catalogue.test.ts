/**
 * The parameter catalogue is what the editor, the messages, the plan's inputs and the
 * tornado read; and cloud.batchShare, added through it (one entry plus the engine's
 * formula), shows up in each of them.
 */
import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { TORNADO_INPUTS } from "@/lib/model/sensitivity";
import { compareInputs } from "@/lib/plan-view/scenario-compare";
import { scenarioLabels } from "@/lib/plan-view/scenario-labels";
import { tornadoSeries } from "@/lib/plan-view/tornado";
import { fieldLabel } from "@/lib/planner/field-labels";
import { wordsForZodError } from "@/lib/planner/issue-words";
import { planUnit, scenarioParam, SCENARIO_PARAMS } from "@/lib/scenario-params/catalogue";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { scenario } from "../model/fixtures";
import { snapshotWithLongContextPrice } from "../model/long-context-price";
import { fixtureScenario, scenarioInput, snapshot } from "../plan-view/fixture";
import { schemaLeaves } from "./schema-leaves";

describe("the catalogue", () => {
  it("gives the tornado exactly the inputs that have both a range here and a formula in the engine", () => {
    const ranged = Object.entries(SCENARIO_PARAMS)
      .filter(([, p]) => p.tornado !== undefined)
      .map(([path]) => path);
    expect(TORNADO_INPUTS.map((i) => i.input).sort()).toEqual([...ranged].sort());
    expect(TORNADO_INPUTS).toHaveLength(18);
    // The clamps travel from the catalogue: growth within ±100 %/month, shares at most 1.
    const growth = TORNADO_INPUTS.find((i) => i.input === "traffic.monthlyGrowthPct")!;
    expect([growth.min, growth.max, growth.label]).toEqual([-100, 100, "Monthly growth (%)"]);
    const mau = TORNADO_INPUTS.find((i) => i.input === "traffic.monthlyActiveUsers")!;
    expect([mau.min, mau.max]).toEqual([0, Number.MAX_VALUE]);
  });

  it("labels every field the scenario schema has, inline entries' fields included", () => {
    const leaves = new Set(schemaLeaves().keys());
    expect(leaves.size).toBeGreaterThan(80);
    expect(leaves).toContain("cloud.price.longContext.#.aboveInputTokens");
    // The format's version is no one's to edit.
    expect([...leaves].filter((path) => scenarioParam(path)?.label === undefined)).toEqual(["version"]);
  });

  it("fills in the plan units' placeholders and refuses a path it lacks", () => {
    expect(planUnit("tiers.#.minQuality", "mmlu")).toBe("% mmlu");
    expect(planUnit("tiers.#.longContextInputUsdPerMTok")).toBe("USD/1M tokens (prompts above {above} tokens)");
    expect(() => planUnit("traffic.nothing")).toThrow(/no plan unit for traffic.nothing/);
  });

  it("labels a path like an inherited object key as unknown instead of failing", () => {
    expect(fieldLabel("constructor")).toEqual({ label: "Constructor", unit: "" });
  });

  it("gives the long-context and batch prices of a plan their units", () => {
    const data = snapshotWithLongContextPrice();
    const s = scenario({
      tiers: [{ id: "document", share: 1, inputTokens: 150_000, outputTokens: 1000, minQuality: 0 }],
      cloud: { price: "acme/long", batchShare: 0.5 },
    });
    const inputs = planScenario(s, data, { tornado: false }).inputs;
    expect(inputs["tiers.document.longContextInputUsdPerMTok"]).toMatchObject({ value: 2, unit: "USD/1M tokens (prompts above 100000 tokens)" });
    expect(inputs["tiers.document.longContextOutputUsdPerMTok"]).toMatchObject({ value: 4, unit: "USD/1M tokens (prompts above 100000 tokens)" });
    expect(inputs["cloud.price.batchInputUsdPerMTok"]).toMatchObject({ value: 0.5, unit: "USD/1M tokens" });
    expect(inputs["cloud.batchShare"]).toMatchObject({ value: 0.5, unit: "fraction", status: "claimed" });
    expect(inputs["tiers.document.share"]).toMatchObject({ value: 1, unit: "fraction" });
  });
});

describe("cloud.batchShare, added through the catalogue", () => {
  // The fixture's price with batch prices at half the standard ones.
  const batched: DatasetSnapshot = {
    ...snapshot,
    prices: snapshot.prices.map((p) => ({ ...p, batchInputUsdPerMTok: 0.5, batchOutputUsdPerMTok: 1 })),
  };
  const plan = planScenario(fixtureScenario({ cloud: { price: "p/model", batchShare: 0.5 } }), batched);

  it("is an editor field with its label, unit and scale, and its messages say them", () => {
    expect(fieldLabel("cloud.batchShare")).toEqual({ label: "Requests sent to the batch API", unit: "%", scale: 100, step: 5 });
    const bad = scenarioSchema.safeParse({ ...scenarioInput, cloud: { price: "p/model", batchShare: 1.5 } });
    expect(bad.success).toBe(false);
    // the share's maximum 1 shown ×100 in "%"
    expect(wordsForZodError(bad.error!)).toEqual([{ path: "cloud.batchShare", message: "Requests sent to the batch API can be 100% at most" }]);
  });

  it("moves the hybrid's savings by the batch discount on the cloud requests each strategy sends", () => {
    /*
     * Per request: standard (100·1 + 50·2)/1e6 = $0.0002, batch (100·0.5 + 50·1)/1e6 = $0.0001,
     * so at batch share b: $0.0002 − $0.0001·b.
     *   cloud-only over 12 months: 200,000 requests × 12 × (0.0002 − 0.0001·b) = $480 − $240·b
     *   hybrid: half the requests stay on the cloud (Phone B and the other quarter): $240 − $120·b
     *   savings(b) = savings(0) − $240·b + $120·b = savings(0) − $120·b
     * ±25 % of b = 0.5: 0.375 and 0.625 → savings(0) − $45 and savings(0) − $75; swing $30.
     */
    const atZero = planScenario(fixtureScenario(), batched).sensitivity.baseSavingsUsd;
    expect(plan.sensitivity.baseSavingsUsd).toBeCloseTo(atZero - 60, 9);
    const bar = plan.sensitivity.tornado.find((b) => b.input === "cloud.batchShare")!;
    expect(bar.label).toBe("Share of requests sent to the batch API");
    expect([bar.baseValue, bar.lowValue, bar.highValue]).toEqual([0.5, 0.375, 0.625]);
    expect(bar.savingsAtLowUsd).toBeCloseTo(atZero - 45, 9);
    expect(bar.savingsAtHighUsd).toBeCloseTo(atZero - 75, 9);
    expect(bar.swingUsd).toBeCloseTo(30, 9);
    // And exactly what a full plan at the moved value says.
    const low = planScenario(fixtureScenario({ cloud: { price: "p/model", batchShare: 0.375 } }), batched, { tornado: false });
    expect(bar.savingsAtLowUsd).toBe(low.sensitivity.baseSavingsUsd);
  });

  it("equals a full plan at both ends with and without a battery cap (the cells reused only without one)", () => {
    for (const constraints of [{ latencyBudgetMs: 5000, maxBatteryPctPerUserDay: 2 }, { latencyBudgetMs: 5000, maxBatteryPctPerUserDay: null }]) {
      const at = (batchShare: number) =>
        planScenario(fixtureScenario({ cloud: { price: "p/model", batchShare }, constraints }), batched, { tornado: batchShare === 0.5 });
      const bar = at(0.5).sensitivity.tornado.find((b) => b.input === "cloud.batchShare")!;
      expect(bar.savingsAtLowUsd).toBe(at(0.375).sensitivity.baseSavingsUsd);
      expect(bar.savingsAtHighUsd).toBe(at(0.625).sensitivity.baseSavingsUsd);
    }
  });

  it("moves nothing when the price has no batch prices (the share pays the standard price)", () => {
    const bar = planScenario(fixtureScenario({ cloud: { price: "p/model", batchShare: 0.5 } }), snapshot).sensitivity.tornado.find(
      (b) => b.input === "cloud.batchShare",
    )!;
    expect(bar.swingUsd).toBe(0);
  });

  it("is a tornado row with the catalogue's name, unit and share format", () => {
    const row = tornadoSeries(plan).rows.find((r) => r.input === "cloud.batchShare")!;
    expect(row.label).toBe("Requests sent to the batch API (share of requests)");
    expect([row.lowText, row.baseText, row.highText]).toEqual(["37.5%", "50%", "62.5%"]);
  });

  it("has no bar when no request goes to the batch API (±25 % of nothing)", () => {
    const none = planScenario(fixtureScenario(), batched);
    expect(none.sensitivity.tornado.some((b) => b.input === "cloud.batchShare")).toBe(false);
  });
});

describe("cloud.retryShare, added through the catalogue", () => {
  const at = (retryShare?: number, tornado = true) =>
    planScenario(fixtureScenario({ cloud: retryShare === undefined ? { price: "p/model" } : { price: "p/model", retryShare } }), snapshot, { tornado });
  const plan = at(0.25);

  it("bills a quarter of the cloud requests a second time", () => {
    /*
     * Per request (100 in, 50 out at $1 / $2 per 1M): $0.0002, ×(1 + 0.25) = $0.00025.
     *   cloud-only month 1: 200,000 requests × $0.00025 = $50 (without retries $40)
     *   hybrid month 1: Phone A's half of the requests on the phone, the other half on the cloud: $25 (was $20)
     *   savings over 12 months: (50 − 25)·12 − (40 − 20)·12 = $60 more than without retries
     */
    const none = at(undefined);
    expect(plan.strategies.cloudOnly.monthly[0]!.cloudUsd).toBeCloseTo(50, 9);
    expect(none.strategies.cloudOnly.monthly[0]!.cloudUsd).toBeCloseTo(40, 9);
    expect(plan.strategies.hybrid.monthly[0]!.cloudUsd).toBeCloseTo(25, 9);
    expect(plan.strategies.cloudOnly.tcoUsd - none.strategies.cloudOnly.tcoUsd).toBeCloseTo(120, 9);
    expect(plan.sensitivity.baseSavingsUsd - none.sensitivity.baseSavingsUsd).toBeCloseTo(60, 9);
    expect(plan.inputs["cloud.retryShare"]).toMatchObject({ value: 0.25, unit: "fraction", status: "claimed" });
    // Left out, nothing is retried: the plan is the one before the parameter existed, and says nothing of it.
    expect(none.inputs["cloud.retryShare"]).toBeUndefined();
    expect(at(0, false).strategies).toEqual(at(undefined, false).strategies);
  });

  it("is a tornado bar: savings = savings(0) + $240·r, moved ±25 %", () => {
    // r = 0.1875 → +$45, r = 0.3125 → +$75: a swing of $30.
    const base = at(undefined).sensitivity.baseSavingsUsd;
    const bar = plan.sensitivity.tornado.find((b) => b.input === "cloud.retryShare")!;
    expect(bar.label).toBe("Share of cloud requests retried");
    expect([bar.baseValue, bar.lowValue, bar.highValue]).toEqual([0.25, 0.1875, 0.3125]);
    expect(bar.savingsAtLowUsd).toBeCloseTo(base + 45, 9);
    expect(bar.savingsAtHighUsd).toBeCloseTo(base + 75, 9);
    expect(bar.swingUsd).toBeCloseTo(30, 9);
    expect(bar.savingsAtHighUsd).toBe(at(0.3125, false).sensitivity.baseSavingsUsd);
    const row = tornadoSeries(plan).rows.find((r) => r.input === "cloud.retryShare")!;
    expect(row.label).toBe("Cloud requests retried (share of requests)");
  });

  it("equals a full plan at both ends with and without a battery cap (the cells reused only without one)", () => {
    for (const constraints of [{ latencyBudgetMs: 5000, maxBatteryPctPerUserDay: 2 }, { latencyBudgetMs: 5000, maxBatteryPctPerUserDay: null }]) {
      const planAt = (retryShare: number) =>
        planScenario(fixtureScenario({ cloud: { price: "p/model", retryShare }, constraints }), snapshot, { tornado: retryShare === 0.4 });
      const bar = planAt(0.4).sensitivity.tornado.find((b) => b.input === "cloud.retryShare")!;
      expect(bar.savingsAtLowUsd).toBe(planAt(0.3).sensitivity.baseSavingsUsd);
      expect(bar.savingsAtHighUsd).toBe(planAt(0.5).sensitivity.baseSavingsUsd);
    }
  });

  it("is a row of the scenario comparison, in the catalogue's words and units", () => {
    const compared = (scenario: ReturnType<typeof fixtureScenario>) => ({
      title: scenario.name,
      scenario,
      plan: planScenario(scenario, snapshot, { tornado: false }),
      labels: scenarioLabels(scenario, snapshot),
    });
    const rows = compareInputs([compared(fixtureScenario()), compared(fixtureScenario({ cloud: { price: "p/model", retryShare: 0.25 } }))]);
    expect(rows.find((r) => r.key === "cloud.retryShare")).toEqual({
      key: "cloud.retryShare",
      label: "Cloud requests retried",
      values: ["not in this scenario", "25%"],
      differs: true,
    });
  });

  it("is an editor field of the cloud's fold whose limits speak in percent", () => {
    expect(fieldLabel("cloud.retryShare")).toEqual({ label: "Cloud requests retried", unit: "%", scale: 100, step: 5 });
    const bad = scenarioSchema.safeParse({ ...scenarioInput, cloud: { price: "p/model", retryShare: 1.5 } });
    expect(wordsForZodError(bad.error!)).toEqual([{ path: "cloud.retryShare", message: "Cloud requests retried can be 100% at most" }]);
  });
});
