/**
 * The tornado recomputes only what an input feeds (sensitivity.ts: closed form for
 * MAU and the hybrid's set-up, the base cells or tier costs reused elsewhere). Each
 * bar must equal a full re-evaluation of the moved model, every routing, ship
 * decision and cell recomputed from nothing, to the last bit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveScenario } from "@/lib/model/derive";
import { cloudOnlyTcoUsd, evaluate, type Evaluation } from "@/lib/model/evaluate";
import { buildPlanModel } from "@/lib/model/model";
import { resolveScenario } from "@/lib/model/resolve";
import { movedModel, sensitivity, TORNADO_INPUTS, workingCopy } from "@/lib/model/sensitivity";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { scenario, scenarioInput, standardSnapshot } from "./fixtures";
import { scenarioArb } from "./scenario-arbitrary";

const data = standardSnapshot();
const evaluationOf = (s: Scenario): Evaluation => evaluate(buildPlanModel(deriveScenario(resolveScenario(s, data))));

/** Savings of a full, from-scratch evaluation, with cloud-only as the tornado sums it (tier order). */
function fullSavings(full: Evaluation): number {
  return cloudOnlyTcoUsd(full.model, full.traffic, full.tiers) - full.cost.hybrid.tcoUsd;
}

/**
 * Scenarios near the edges of the hybrid's routing (scenarioArb's rarely ship): the
 * standard phones with a run or an estimate, cheap CDN, latency budgets and battery
 * caps around what the phones do, so ±25 % moves tiers and ship decisions.
 */
const shippingArb: fc.Arbitrary<Scenario> = fc
  .record({
    mau: fc.double({ min: 1, max: 1e8, noNaN: true }),
    rpd: fc.double({ min: 0.1, max: 100, noNaN: true }),
    growth: fc.double({ min: -10, max: 20, noNaN: true }),
    trend: fc.double({ min: -50, max: 10, noNaN: true }),
    tiers: fc.array(
      fc.record({
        inputTokens: fc.integer({ min: 10, max: 8000 }),
        outputTokens: fc.integer({ min: 5, max: 2000 }),
        minQuality: fc.constantFrom(0, 0, 50, 70),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    phoneB: fc.boolean(),
    coverage: fc.double({ min: 0.1, max: 1, noNaN: true }),
    inputPrice: fc.double({ min: 0.05, max: 20, noNaN: true }),
    outputPrice: fc.double({ min: 0.1, max: 60, noNaN: true }),
    cdn: fc.double({ min: 0, max: 0.5, noNaN: true }),
    updates: fc.integer({ min: 0, max: 12 }),
    setup: fc.integer({ min: 0, max: 100_000 }),
    latency: fc.option(fc.double({ min: 500, max: 60_000, noNaN: true }), { nil: null }),
    battery: fc.option(fc.double({ min: 0.01, max: 5, noNaN: true }), { nil: null }),
  })
  .map((r) => {
    const devices = r.phoneB
      ? [
          { device: "phone-a", share: r.coverage / 2 },
          { device: "phone-b", share: r.coverage / 2 },
        ]
      : [{ device: "phone-a", share: r.coverage }];
    const base = scenarioInput();
    return scenarioSchema.parse({
      ...base,
      traffic: { monthlyActiveUsers: r.mau, requestsPerUserPerDay: r.rpd, activeDaysPerMonth: 20, monthlyGrowthPct: r.growth },
      tiers: r.tiers.map((t, i) => ({ id: `t${i}`, share: 1 / r.tiers.length, ...t })),
      devices,
      cloud: {
        price: { name: "Inline price", inputUsdPerMTok: r.inputPrice, outputUsdPerMTok: r.outputPrice },
        priceChangePctPerYear: r.trend,
      },
      costs: { ...base.costs, setupUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: r.setup }, cdnUsdPerGB: r.cdn, modelUpdatesPerYear: r.updates },
      constraints: { latencyBudgetMs: r.latency, maxBatteryPctPerUserDay: r.battery },
    });
  });

const sameRouting = (a: Evaluation, b: Evaluation) =>
  a.routing.hybrid.target.join() === b.routing.hybrid.target.join() &&
  a.routing.hybrid.ships.join() === b.routing.hybrid.ships.join();

describe("tornado bars against full re-evaluation", () => {
  function check(arb: fc.Arbitrary<Scenario>, numRuns: number) {
    let compared = 0;
    let routingChanged = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const base = evaluationOf(s);
        const bars = sensitivity(base, true).tornado;
        for (const bar of bars) {
          const spec = TORNADO_INPUTS.find((i) => i.input === bar.input)!;
          for (const [value, savings] of [
            [bar.lowValue, bar.savingsAtLowUsd],
            [bar.highValue, bar.savingsAtHighUsd],
          ] as const) {
            const full = evaluate(movedModel(spec, base.model, value));
            expect(savings, `${bar.input} at ${value}`).toBe(fullSavings(full));
            // And within rounding of the plan's own cloud-only TCO (summed by cell, not by tier).
            const planSavings = full.cost.cloudOnly.tcoUsd - full.cost.hybrid.tcoUsd;
            expect(Math.abs(savings - planSavings)).toBeLessThanOrEqual(1e-12 * Math.max(1, full.cost.cloudOnly.tcoUsd));
            compared++;
            if (!sameRouting(full, base)) routingChanged++;
          }
        }
      }),
      { numRuns, seed: 11 },
    );
    return { compared, routingChanged };
  }

  it("are the same numbers, to the last bit, on scenarios of every shape", () => {
    expect(check(scenarioArb, 200).compared).toBeGreaterThan(500);
  });

  it("are the same numbers, to the last bit, where ±25 % moves the hybrid's routing", () => {
    const { compared, routingChanged } = check(shippingArb, 300);
    // Not vacuous: many bars compared, and a good share of them moved tiers or ship decisions.
    expect(compared).toBeGreaterThan(3000);
    expect(routingChanged).toBeGreaterThan(50);
  });

  it("writes the base back exactly when an input is set to its base value (how one working copy serves every bar)", () => {
    let restored = 0;
    fc.assert(
      fc.property(fc.oneof(scenarioArb, shippingArb), (s) => {
        const model = evaluationOf(s).model;
        const work = workingCopy(model);
        for (const spec of TORNADO_INPUTS) {
          const base = spec.base(model);
          if (base === 0) continue;
          spec.apply(model, base * 1.25, work);
          // (a subnormal base can be its own 125 %)
          if (base * 1.25 !== base) expect(work, spec.input).not.toStrictEqual(model);
          spec.apply(model, base, work);
          expect(work, spec.input).toStrictEqual(model);
          restored++;
        }
      }),
      { numRuns: 200, seed: 5 },
    );
    expect(restored).toBeGreaterThan(1500);
  }, 30_000);

  it("has a bar for every input the scenario uses, and none for inputs at 0", () => {
    // fixtures' scenario: a latency budget, no battery cap; modelUpdatesPerYear 0 here.
    const s = scenario({ costs: { modelUpdatesPerYear: 0 } });
    const base = evaluationOf(s);
    const inputs = sensitivity(base, true).tornado.map((b) => b.input);
    expect(inputs).not.toContain("costs.modelUpdatesPerYear");
    expect(inputs).not.toContain("constraints.maxBatteryPctPerUserDay");
    expect(inputs).not.toContain("devices.*.powerW");
    expect(inputs).toContain("traffic.monthlyActiveUsers");
    expect(inputs).toContain("costs.setupUsd.hybrid");
  });
});
