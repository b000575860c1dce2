import { describe, expect, it } from "vitest";
import { batterySeries } from "@/lib/plan-view/battery";
import { coverageSeries } from "@/lib/plan-view/coverage";
import { cumulativeTcoSeries } from "@/lib/plan-view/cumulative-tco";
import { latencySeries } from "@/lib/plan-view/latency";
import { monthlyCostSeries } from "@/lib/plan-view/monthly-cost";
import { niceAxis, niceCeil } from "@/lib/plan-view/nice-scale";
import { tcoByMauSeries } from "@/lib/plan-view/tco-by-mau";
import { fixturePlan } from "./fixture";

describe("monthlyCostSeries", () => {
  it("splits each strategy's months into cloud tokens, distribution and infrastructure", () => {
    const series = monthlyCostSeries(fixturePlan());
    expect(series.panels.map((p) => p.strategy)).toEqual(["cloudOnly", "hybrid", "edgeOnly"]);
    const cloud = series.panels[0]!;
    expect(cloud.rows).toHaveLength(12);
    // 200,000 requests × $0.0002 = $40 a month, no distribution, no infrastructure.
    expect(cloud.rows[0]).toEqual({ month: 1, cloudUsd: 40, distributionUsd: 0, infraUsd: 0, totalUsd: 40 });
    for (const panel of series.panels) {
      for (const row of panel.rows) expect(row.cloudUsd + row.distributionUsd + row.infraUsd).toBeCloseTo(row.totalUsd, 9);
    }
  });

  it("puts every panel on one y scale in nice steps above the largest month", () => {
    const plan = fixturePlan();
    const series = monthlyCostSeries(plan);
    const largest = Math.max(...Object.values(plan.strategies).flatMap((s) => s.monthly.map((m) => m.totalUsd)));
    expect(series.yAxis.top).toBeGreaterThanOrEqual(largest);
    expect(series.yAxis.ticks[0]).toBe(0);
    expect(series.yAxis.ticks[series.yAxis.ticks.length - 1]).toBe(series.yAxis.top);
  });
});

describe("niceCeil", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceCeil(1496)).toBe(2000);
    expect(niceCeil(49938)).toBe(50000);
    expect(niceCeil(2100)).toBe(2500);
    // 2.5 × 100 < 300 ≤ 5 × 100.
    expect(niceCeil(300)).toBe(500);
    // A value already on a step stays.
    expect(niceCeil(200)).toBe(200);
    expect(niceCeil(0.07)).toBeCloseTo(0.1, 12);
  });

  it("gives 1 for nothing to show (0, negative, not finite)", () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(-5)).toBe(1);
    expect(niceCeil(Number.NaN)).toBe(1);
  });
});

describe("niceAxis", () => {
  it("steps from 0 to just above the largest value", () => {
    // 49,938 ms / 4 = 12,484.5 → step 20,000; 3 steps reach 60,000.
    expect(niceAxis(49_938)).toEqual({ top: 60_000, ticks: [0, 20_000, 40_000, 60_000] });
    // 1,496 / 4 = 374 → step 500; 3 steps reach 1,500.
    expect(niceAxis(1496)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    // 0.3 / 4 = 0.075 → step 0.1: ticks without float drift.
    expect(niceAxis(0.3)).toEqual({ top: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
  });

  it("gives one step for nothing to show", () => {
    expect(niceAxis(0)).toEqual({ top: 0.25, ticks: [0, 0.25] });
  });
});

describe("cumulativeTcoSeries", () => {
  it("starts at month 0 with the set-up alone and ends at each strategy's TCO", () => {
    const plan = fixturePlan();
    const series = cumulativeTcoSeries(plan);
    expect(series.rows[0]).toEqual({ month: 0, cloudOnly: 3000, hybrid: 5000, edgeOnly: 8000 });
    // Month 1 of cloud-only: $3,000 set-up + $40.
    expect(series.rows[1]!.cloudOnly).toBeCloseTo(3040, 9);
    const last = series.rows[series.rows.length - 1]!;
    expect(series.rows).toHaveLength(13);
    expect(last.cloudOnly).toBe(plan.strategies.cloudOnly.tcoUsd);
    expect(last.hybrid).toBe(plan.strategies.hybrid.tcoUsd);
  });

  it("marks the break-even month of each strategy that pays back", () => {
    // 1M MAU makes the edge worth its set-up within the year.
    const plan = fixturePlan({ traffic: { monthlyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    const series = cumulativeTcoSeries(plan);
    const hybrid = series.breakEvens.find((b) => b.strategy === "hybrid");
    expect(hybrid?.month).toBe(plan.strategies.hybrid.breakEvenMonth);
    expect(hybrid?.label).toMatch(/^Hybrid breaks even: month \d+$/);
    expect(hybrid?.feasible).toBe(true);
    expect(series.breakEvens.some((b) => b.strategy === "cloudOnly")).toBe(false);
  });

  it("keeps an infeasible strategy's break-even off the chart and says why", () => {
    const plan = fixturePlan({ traffic: { monthlyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    const edge = cumulativeTcoSeries(plan).breakEvens.find((b) => b.strategy === "edgeOnly");
    // Phone B and the other phones (50 % of users) cannot run the model: edge-only is infeasible.
    expect(plan.strategies.edgeOnly.feasible).toBe(false);
    if (edge) {
      expect(edge.feasible).toBe(false);
      expect(edge.label).toMatch(/infeasible \(50% of requests unserved\)$/);
    }
  });
});

describe("tcoByMauSeries", () => {
  it("takes the engine's volume series with decade ticks covering it", () => {
    const plan = fixturePlan();
    const series = tcoByMauSeries(plan);
    expect(series.points.length).toBe(plan.sensitivity.tcoByMonthlyActiveUsers.length);
    expect(series.mauDomain[0]).toBeLessThanOrEqual(series.points[0]!.monthlyActiveUsers);
    expect(series.mauDomain[1]).toBeGreaterThanOrEqual(series.points[series.points.length - 1]!.monthlyActiveUsers);
    expect(series.mauTicks.every((t) => Math.log10(t) % 1 === 0)).toBe(true);
    expect(series.currentMau).toBe(1000);
    expect(series.crossoverMau).toBe(plan.sensitivity.crossoverMonthlyActiveUsers);
  });

  it("leaves zero costs out (a log axis has no 0) and has no current marker at 0 MAU", () => {
    const plan = fixturePlan({
      traffic: { monthlyActiveUsers: 0 },
      costs: { setupUsd: { cloudOnly: 0, hybrid: 0, edgeOnly: 0 }, monthlyInfraUsd: { hybrid: 0 } },
    });
    const series = tcoByMauSeries(plan);
    expect(series.currentMau).toBeNull();
    for (const p of series.points) for (const v of [p.cloudOnly, p.hybrid, p.edgeOnly]) expect(v === null || v > 0).toBe(true);
  });
});

describe("latencySeries", () => {
  it("stacks burst latency and the throttled extra per tier, with a cloud row", () => {
    const series = latencySeries(fixturePlan());
    expect(series.tiers).toEqual([{ tierId: "all", burstKey: "t0_burst", extraKey: "t0_extra" }]);
    const phoneA = series.rows.find((r) => r.deviceId === "phone-a")!;
    // Burst: 500 ms + 1000 × 50 / 20 tok/s = 3,000 ms; sustained at 25 % throttling: 500 + 1000 × 50 / 15 = 3,833.3 ms.
    expect(phoneA.t0_burst).toBeCloseTo(3000, 9);
    expect(phoneA.t0_extra).toBeCloseTo(3833.333333 - 3000, 5);
    const cloud = series.rows[series.rows.length - 1]!;
    // 80 ms round trip + 400 ms first token + 1000 × 50 / 100 tok/s = 980 ms.
    expect(cloud.deviceId).toBeNull();
    expect(cloud.t0_burst).toBeCloseTo(980, 9);
    expect(series.budgetMs).toBe(5000);
    // The budget is the tallest figure: 5,000 / 4 = 1,250 → step 2,000, three steps to 6,000.
    expect(series.axis).toEqual({ top: 6000, ticks: [0, 2000, 4000, 6000] });
    // Two classes and the cloud, one tier: 90 + 3 × (12 + 16) = 174, raised to the 260 px floor.
    expect(series.heightPx).toBe(260);
  });

  it("has no edge bars for a class that cannot run the model, and says why", () => {
    const phoneB = latencySeries(fixturePlan()).rows.find((r) => r.deviceId === "phone-b")!;
    expect(phoneB.t0_burst).toBeNull();
    expect(phoneB.note).toMatch(/does not fit/);
    expect(phoneB.category.length).toBeLessThanOrEqual(22);
    expect(phoneB.category.endsWith("…")).toBe(true);
  });
});

describe("batterySeries", () => {
  it("reports every tier on the phone and the hybrid's share against the cap", () => {
    const series = batterySeries(fixturePlan());
    expect(series.capPct).toBe(2);
    const phoneA = series.rows.find((r) => r.deviceId === "phone-a")!;
    // 4 W × (0.5 s + 50/20 s) = 12 J a request; 10 a day = 120 J of 15 Wh × 3600 = 54,000 J → 0.2222 %.
    expect(phoneA.allEdgePct).toBeCloseTo((120 / 54000) * 100, 9);
    expect(series.unknown.map((u) => u.name)).toEqual(["Phone B with a very long marketing name"]);
  });

  it("lists an infinite battery figure apart instead of making the axis throw", () => {
    const plan = fixturePlan();
    // What a stored 1e-300 Wh battery against a 1e300 W run made of the plan: an Infinity %.
    const broken = { ...plan, battery: plan.battery.map((b) => (b.deviceId === "phone-a" ? { ...b, pctPerUserDay: Infinity } : b)) };
    const series = batterySeries(broken);
    expect(series.rows).toEqual([]);
    expect(series.unknown.map((u) => u.name)).toContain("Phone A");
    // Only the 2 % cap is left to draw: step niceCeil(2 / 4) = 0.5, four steps.
    expect(series.axis).toEqual({ top: 2, ticks: [0, 0.5, 1, 1.5, 2] });
  });
});

describe("niceAxis on figures no axis can hold", () => {
  it.each([Infinity, NaN, -Infinity])("draws the empty axis for %s instead of an array of infinite length", (max) => {
    // Treated as 0: the default step niceCeil(0.25) = 0.25, one step.
    expect(niceAxis(max)).toEqual({ top: 0.25, ticks: [0, 0.25] });
  });
});

describe("coverageSeries", () => {
  it("splits the users into shipped, capable, incapable and other, summing to 1", () => {
    const plan = fixturePlan();
    const series = coverageSeries(plan);
    const { ships, canRun, cannotRun, other } = series.row;
    expect(ships + canRun + cannotRun + other).toBeCloseTo(1, 12);
    // Phone A (50 %) fits 1.5 GB in 4 GB usable; Phone B (25 %) has 1 GB usable; 25 % other phones.
    expect(ships + canRun).toBeCloseTo(0.5, 12);
    expect(cannotRun).toBeCloseTo(0.25, 12);
    expect(other).toBeCloseTo(0.25, 12);
    expect(series.capableShare).toBeCloseTo(0.5, 12);
    expect(series.members.cannotRun).toEqual(["Phone B with a very long marketing name"]);
  });
});
