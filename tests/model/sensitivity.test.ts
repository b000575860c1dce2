import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { crossoverMau } from "@/lib/model/sensitivity";
import { near, scenario, standardSnapshot } from "./fixtures";

const data = standardSnapshot();
const withSetup = (monthlyActiveUsers: number) =>
  scenario({
    traffic: { monthlyActiveUsers, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 },
    costs: {
      setupUsd: { cloudOnly: 3000, edgeOnly: 50000, hybrid: 25000 },
      monthlyInfraUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 20 },
      modelUpdatesPerYear: 0,
    },
  });

describe("crossoverMau", () => {
  it("solves F_a + MAU·v_a = F_b + MAU·v_b", () => {
    // (25,240 − 3,000) / (2.76 − 2.5955) = 22,240 / 0.1645 = 135,197.57
    expect(crossoverMau(25240, 2.5955, 3000, 2.76)).toBeCloseTo(135197.568389, 5);
  });

  it("is null for parallel lines or a crossing at negative volume", () => {
    expect(crossoverMau(100, 2, 0, 2)).toBeNull();
    // cheaper fixed and cheaper per user: the lines cross only below zero
    expect(crossoverMau(0, 1, 100, 2)).toBeNull();
  });
});

describe("plan sensitivity", () => {
  it("finds the MAU where hybrid and cloud-only cost the same", () => {
    // F_cloud = $3,000; F_hybrid = $25,000 + 12·$20 = $25,240
    // v_cloud = 12 · 200 · 0.00115 = $2.76 per MAU
    // v_hybrid = 12 · 200 · (0.00115 − 0.25·0.0003) + 0.5 · 1 GB · $0.02 · (1 + 0.05·11) = 2.58 + 0.0155 = $2.5955
    // MAU* = 22,240 / 0.1645 = 135,197.57
    const plan = planScenario(withSetup(1000), data);
    const mau = plan.sensitivity.crossoverMonthlyActiveUsers!;
    expect(mau).toBeCloseTo(135197.568389, 4);
    expect(plan.sensitivity.linear.cloudOnly).toEqual({ fixedUsd: 3000, variableUsdPerMonthlyActiveUser: expect.closeTo(2.76, 12) });

    // At that volume the two strategies cost the same.
    const at = planScenario(withSetup(mau), data);
    expect(near(at.strategies.hybrid.tcoUsd, at.strategies.cloudOnly.tcoUsd, 1e-9)).toBe(true);
    // Above it the hybrid is cheaper.
    const above = planScenario(withSetup(mau * 1.01), data);
    expect(above.strategies.hybrid.tcoUsd).toBeLessThan(above.strategies.cloudOnly.tcoUsd);
  });

  it("has no crossover when the hybrid ships nothing", () => {
    const plan = planScenario(scenario({ devices: [] }), data);
    expect(plan.sensitivity.crossoverMonthlyActiveUsers).toBeNull();
  });

  it("keeps the crossover at zero traffic, from the routing at any positive volume", () => {
    const plan = planScenario(withSetup(0), data);
    expect(plan.sensitivity.crossoverMonthlyActiveUsers).toBeCloseTo(135197.568389, 4);
  });

  it("charts TCO against MAU, the crossover included", () => {
    const plan = planScenario(withSetup(1000), data);
    const points = plan.sensitivity.tcoByMonthlyActiveUsers;
    expect(points[0]!.monthlyActiveUsers).toBe(100);
    expect(points.at(-1)!.monthlyActiveUsers).toBe(1e9);
    const cross = points.find((p) => p.monthlyActiveUsers === plan.sensitivity.crossoverMonthlyActiveUsers)!;
    expect(near(cross.hybrid, cross.cloudOnly, 1e-9)).toBe(true);
  });

  it("ranks the inputs that move the savings most", () => {
    const plan = planScenario(withSetup(1000), data);
    const bars = plan.sensitivity.tornado;
    expect(bars.length).toBeGreaterThan(5);
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1]!.swingUsd).toBeGreaterThanOrEqual(bars[i]!.swingUsd);
    // hybrid set-up ±25 %: savings move by 0.5 · 25,000 = $12,500
    const setup = bars.find((b) => b.input === "costs.setupUsd.hybrid")!;
    expect(setup.swingUsd).toBeCloseTo(12500, 6);
    // (3,000 + 2,760) − (25,000 + 240 + 2,595.5) = 5,760 − 27,835.5 = −$22,075.50
    expect(plan.sensitivity.baseSavingsUsd).toBeCloseTo(-22075.5, 6);
  });
});
