/**
 * What must hold for every valid scenario: finite numbers, shares that add up,
 * the hybrid never worse than cloud-only beyond its own extra fixed costs, and
 * cost that never falls as volume grows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import type { Plan } from "@/lib/model";
import type { Scenario } from "@/lib/schemas/scenario";
import { standardSnapshot } from "./fixtures";
import { scenarioArb } from "./scenario-arbitrary";

const data = standardSnapshot();

function nonFiniteNumbers(value: unknown, path = "plan"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}.${i}`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  }
  return [];
}

const plan = (s: Scenario): Plan => planScenario(s, data, { tornado: false });
const withMau = (s: Scenario, monthlyActiveUsers: number): Scenario => ({
  ...s,
  traffic: { ...s.traffic, monthlyActiveUsers },
});

describe("plan properties", () => {
  it("never outputs NaN or Infinity", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(nonFiniteNumbers(planScenario(s, data))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never makes the hybrid cost more than cloud-only plus its extra fixed costs", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const p = plan(s);
        const { setupUsd, monthlyInfraUsd } = s.costs;
        const extraFixed =
          setupUsd.hybrid - setupUsd.cloudOnly + s.horizonMonths * (monthlyInfraUsd.hybrid - monthlyInfraUsd.cloudOnly);
        const bound = p.strategies.cloudOnly.tcoUsd + extraFixed;
        expect(p.strategies.hybrid.tcoUsd).toBeLessThanOrEqual(bound + 1e-9 * Math.max(1, Math.abs(bound)));
      }),
      { numRuns: 300 },
    );
  });

  it("accounts for every request exactly once", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const p = plan(s);
        for (const strategy of Object.values(p.strategies)) {
          const cellSum = strategy.cells.reduce((a, c) => a + c.requestShare, 0);
          expect(cellSum).toBeCloseTo(1, 9);
          const cloud = strategy.cells.filter((c) => c.target === "cloud").reduce((a, c) => a + c.requestShare, 0);
          expect(strategy.edgeShare + strategy.unservedShare + cloud).toBeCloseTo(1, 9);
        }
        expect(p.tiers.reduce((a, t) => a + t.share, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });

  it("never lowers any strategy's cost when volume grows", () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 1, max: 1000, noNaN: true }), (s, factor) => {
        const base = withMau(s, Math.max(s.traffic.monthlyActiveUsers, 1));
        const more = withMau(s, Math.min(base.traffic.monthlyActiveUsers * factor, 1e10));
        const a = plan(base).strategies;
        const b = plan(more).strategies;
        for (const name of ["cloudOnly", "hybrid", "edgeOnly"] as const) {
          expect(b[name].tcoUsd).toBeGreaterThanOrEqual(a[name].tcoUsd * (1 - 1e-12));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("recommends a feasible strategy no dearer than cloud-only", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const p = plan(s);
        const r = p.recommendation;
        expect(p.strategies[r.strategy].feasible).toBe(true);
        expect(r.tcoUsd).toBeLessThanOrEqual(p.strategies.cloudOnly.tcoUsd);
      }),
      { numRuns: 200 },
    );
  });
});
