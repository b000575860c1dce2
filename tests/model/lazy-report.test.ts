/**
 * The parts of a plan built when first read (each strategy's monthly rows and cells, the
 * recommendation's reasons and warnings, the inputs)
 * equal what was there to read when the plan was made, even when read after many
 * other plans on the same snapshot; and they serialise like data.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { scenario, standardSnapshot } from "./fixtures";
import { scenarioArb } from "./scenario-arbitrary";

describe("parts of the plan built when read", () => {
  it("read after other plans, they equal the parts read at once", () => {
    const data = standardSnapshot();
    const scenarios = fc.sample(scenarioArb, { numRuns: 60, seed: 11 });
    const atOnce = scenarios.map((s) => JSON.stringify(planScenario(s, data)));
    const plans = scenarios.map((s) => planScenario(s, data));
    expect(plans.map((p) => JSON.stringify(p))).toEqual(atOnce);
  });

  it("are enumerable and keep the plan's key order", () => {
    const plan = planScenario(scenario(), standardSnapshot());
    expect(Object.keys(plan).at(-1)).toBe("inputs");
    expect(Object.keys(plan.strategies.hybrid)).toEqual([
      "strategy",
      "tcoUsd",
      "setupUsd",
      "costPer1kRequestsUsd",
      "edgeShare",
      "unservedShare",
      "feasible",
      "infeasibleReasons",
      "breakEvenMonth",
      "totalRequests",
      "shippedDeviceIds",
      "meanQuality",
      "monthly",
      "cells",
      "battery",
    ]);
    expect(Object.keys(plan.recommendation).slice(-2)).toEqual(["reasons", "warnings"]);
    expect(plan.strategies.edgeOnly.cells).toBe(plan.strategies.edgeOnly.cells);
    expect(plan.recommendation.reasons).toBe(plan.recommendation.reasons);
    const rows = plan.strategies.hybrid.monthly;
    expect(plan.strategies.hybrid.monthly).toBe(rows); // built once
    expect(rows.at(-1)!.cumulativeUsd).toBe(plan.strategies.hybrid.tcoUsd);
    expect(rows.reduce((sum, r) => sum + r.requests, 0)).toBe(plan.strategies.hybrid.totalRequests);
    expect(structuredClone(plan)).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it("leave no hidden property a client component's props would be refused or warned about", () => {
    const plan = planScenario(scenario(), standardSnapshot());
    // React's server warns about symbol-keyed and non-enumerable own properties of plain objects.
    for (const x of [plan, plan.recommendation, ...Object.values(plan.strategies)]) {
      expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
      expect(Object.getOwnPropertySymbols(x)).toEqual([]);
      for (const name of Object.getOwnPropertyNames(x)) {
        expect(Object.getOwnPropertyDescriptor(x, name)!.enumerable).toBe(true);
      }
    }
  });
});
