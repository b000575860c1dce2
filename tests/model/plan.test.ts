/**
 * The standard fixture, worked by hand (tests/model/fixtures.ts):
 *   MAU 1,000 · 10 requests/day · 20 days = R = 200,000 requests a month, 12 months.
 *   simple: 50 %, 100 in / 100 out → (100·$1 + 100·$2)/1e6 = $0.0003 a request
 *   complex: 50 %, 1,000 in / 500 out → (1000·$1 + 500·$2)/1e6 = $0.002 a request, needs mmlu 70
 *   phone-a: 50 % of users, 20 tok/s, 500 ms, 4 W, 15 Wh; Small Q4 scores mmlu 60.
 */
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { scenario, standardSnapshot } from "./fixtures";

const data = standardSnapshot();

describe("planScenario: the standard fixture", () => {
  const plan = planScenario(scenario(), data);
  const { cloudOnly, hybrid, edgeOnly } = plan.strategies;

  it("prices cloud-only month by month", () => {
    // 200,000 · (0.5·0.0003 + 0.5·0.002) = 200,000 · 0.00115 = $230 a month
    expect(cloudOnly.monthly[0]!.cloudUsd).toBeCloseTo(230, 9);
    expect(cloudOnly.monthly[0]!.requests).toBe(200_000);
    // 12 · 230 = $2,760
    expect(cloudOnly.tcoUsd).toBeCloseTo(2760, 9);
    // 2,760 / 2,400,000 · 1000 = $1.15 per 1,000 requests
    expect(cloudOnly.costPer1kRequestsUsd).toBeCloseTo(1.15, 12);
    expect(cloudOnly.breakEvenMonth).toBeNull();
    expect(cloudOnly.edgeShare).toBe(0);
  });

  it("ships the model to phone-a in the hybrid and keeps the complex tier on the cloud", () => {
    // saves 200,000 · 0.5 · 0.5 · 0.0003 = $15 a month, $180 over 12 months
    // ships: month 1 1000·0.5·1 GB·$0.02 = $10, then 1000·0.5·0.05·0.02 = $0.50 × 11 = $5.50 → $15.50 < $180
    expect(hybrid.shippedDeviceIds).toEqual(["phone-a"]);
    const cell = (tier: string, device: string) => hybrid.cells.find((c) => c.tierId === tier && c.deviceId === device)!;
    expect(cell("simple", "phone-a").target).toBe("edge");
    expect(cell("complex", "phone-a")).toMatchObject({ target: "cloud", blockedBy: "quality" });
    expect(cell("simple", "other")).toMatchObject({ target: "cloud", blockedBy: "coverage" });
    // month 1: cloud 230 − 15 = $215, distribution $10; month 2: $215 + $0.50
    expect(hybrid.monthly[0]!.cloudUsd).toBeCloseTo(215, 9);
    expect(hybrid.monthly[0]!.distributionUsd).toBeCloseTo(10, 12);
    expect(hybrid.monthly[1]!.distributionUsd).toBeCloseTo(0.5, 12);
    // 12 · 215 + 10 + 11 · 0.5 = 2,580 + 15.5 = $2,595.50
    expect(hybrid.tcoUsd).toBeCloseTo(2595.5, 9);
    // edge share: 0.5 (tier) · 0.5 (device) = 0.25
    expect(hybrid.edgeShare).toBeCloseTo(0.25, 15);
    // month 1: 215 + 10 = 225 ≤ 230 → break-even in month 1
    expect(hybrid.breakEvenMonth).toBe(1);
    // 2,595.5 / 2,400,000 · 1000 = $1.08146 per 1,000
    expect(hybrid.costPer1kRequestsUsd).toBeCloseTo(1.0814583333, 9);
  });

  it("reports latency per cell: edge burst, cloud round trip", () => {
    const simpleEdge = hybrid.cells.find((c) => c.tierId === "simple" && c.deviceId === "phone-a")!;
    // 500 + 1000·100/20 = 5,500 ms; sustained at 20·0.8 = 16 tok/s: 500 + 6,250 = 6,750 ms
    expect(simpleEdge.latencyMs).toBe(5500);
    expect(simpleEdge.sustainedLatencyMs).toBe(6750);
    // cloud complex: 80 + 300 + 1000·500/100 = 5,380 ms
    expect(hybrid.cells.find((c) => c.tierId === "complex" && c.deviceId === "phone-a")!.latencyMs).toBe(5380);
  });

  it("makes edge-only infeasible: half the users are not covered and complex violates quality", () => {
    expect(edgeOnly.feasible).toBe(false);
    // phone-a's share 0.5 on the edge, "other" 0.5 unserved
    expect(edgeOnly.edgeShare).toBeCloseTo(0.5, 15);
    expect(edgeOnly.unservedShare).toBeCloseTo(0.5, 15);
    // distribution only: $15.50
    expect(edgeOnly.tcoUsd).toBeCloseTo(15.5, 12);
    expect(edgeOnly.cells.find((c) => c.tierId === "complex" && c.deviceId === "phone-a")!.violations).toEqual([
      "quality",
    ]);
    expect(edgeOnly.infeasibleReasons.join(" ")).toMatch(/50% of requests unserved/);
  });

  it("recommends the hybrid with its savings", () => {
    const r = plan.recommendation;
    expect(r.strategy).toBe("hybrid");
    expect(r.tcoUsd).toBeCloseTo(2595.5, 9);
    // (2,760 − 2,595.5) / 2,760 · 100 = 5.9601 %
    expect(r.savingsVsCloudOnlyPct).toBeCloseTo(5.9601449275, 8);
    expect(r.breakEvenMonth).toBe(1);
    expect(r.edgeShareByTier).toEqual({ simple: 0.5, complex: 0 });
    // off the edge: "other" users 0.5 (coverage) > complex on phone-a 0.25 (quality)
    expect(r.bindingConstraint).toBe("coverage");
  });

  it("reports battery: every tier on the edge against the cap, and the hybrid's", () => {
    const [a] = plan.battery;
    // 10 · (0.5·22 + 0.5·102) J / (15·3600) · 100 = 620/540 = 1.148 %
    expect(a!.pctPerUserDay).toBeCloseTo(620 / 540, 12);
    // hybrid: simple only, 110/540 = 0.2037 %
    expect(a!.hybridPctPerUserDay).toBeCloseTo(110 / 540, 12);
    expect(a!.status).toBe("ok"); // no cap set
  });

  it("lists inputs with their provenance", () => {
    expect(plan.inputs["devices.phone-a.decodeTokensPerSec"]).toMatchObject({ value: 20, status: "measured" });
    expect(plan.inputs["cloud.price.outputUsdPerMTok"]).toMatchObject({ value: 2, status: "claimed", source: "test price list" });
    expect(plan.inputs["traffic.monthlyActiveUsers"]).toMatchObject({ value: 1000, source: "scenario" });
    expect(plan.inputs["edge.variant.peakMemoryMB"]).toMatchObject({ value: 1200, status: "measured" });
  });
});

describe("planScenario: definitions", () => {
  it("grows traffic month by month", () => {
    const plan = planScenario(
      scenario({ traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20, monthlyGrowthPct: 10 } }),
      data,
    );
    const rows = plan.strategies.cloudOnly.monthly;
    // R(3) = 1000 · 1.1² · 200 = 242,000; cloud = 242,000 · 0.00115 = $278.30
    expect(rows[2]!.requests).toBeCloseTo(242_000, 8);
    expect(rows[2]!.cloudUsd).toBeCloseTo(278.3, 9);
    // hybrid distribution month 2: users 1,100 · 0.5 · 0.05 · 1 GB · $0.02 = $0.55
    expect(plan.strategies.hybrid.monthly[1]!.distributionUsd).toBeCloseTo(0.55, 12);
  });

  it("applies the cached share and the yearly price trend", () => {
    const plan = planScenario(
      scenario({ horizonMonths: 13, cloud: { price: "cheap/model", cachedInputShare: 0.5, priceChangePctPerYear: -50 } }),
      data,
    );
    // simple: (100·(0.5·1 + 0.5·0.5) + 100·2)/1e6 = (75 + 200)/1e6 = 0.000275
    // complex: (1000·0.75 + 500·2)/1e6 = 0.00175
    expect(plan.tiers[0]!.cloudUsdPerRequest).toBeCloseTo(0.000275, 15);
    expect(plan.tiers[1]!.cloudUsdPerRequest).toBeCloseTo(0.00175, 15);
    const rows = plan.strategies.cloudOnly.monthly;
    // month 1: 200,000 · (0.5·0.000275 + 0.5·0.00175) = 200,000 · 0.0010125 = $202.50
    expect(rows[0]!.cloudUsd).toBeCloseTo(202.5, 9);
    // month 13: 202.5 · 0.5^(12/12) = $101.25
    expect(rows[12]!.cloudUsd).toBeCloseTo(101.25, 9);
  });

  it("estimates speed for a device without a run and marks it estimated", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-b", share: 1 }] }), data);
    const b = plan.devices[0]!;
    // 0.6 · 40 GB/s ÷ 1 GB = 24 tok/s
    expect(b.decodeTokensPerSec).toBeCloseTo(24, 12);
    expect(b.speedStatus).toBe("estimated");
    // No measured prefill to learn from: prefill at 8 × 24 = 192 tok/s.
    // simple on the edge: ttft 1000·100/192 = 520.83 ms + 1000·100/24 = 4,166.67 ms → 4,687.5 ms
    expect(b.tiers[0]!.burstLatencyMs).toBeCloseTo(4687.5, 9);
    // complex: 1000·1000/192 = 5,208.33 ms + 1000·500/24 = 20,833.33 ms → 26,041.67 ms
    expect(b.tiers[1]!.ttftMs).toBeCloseTo(5208.3333333, 6);
    expect(b.tiers[1]!.burstLatencyMs).toBeCloseTo(26041.6666667, 6);
    expect(plan.recommendation.warnings.join(" ")).toMatch(/Phone B: estimated decode speed/);
  });

  it("keeps a device that cannot hold the model on the cloud", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-c", share: 1 }] }), data);
    // 2 GB · 1000 · 0.5 = 1,000 MB usable < 1,200 MB peak
    expect(plan.devices[0]).toMatchObject({ capable: false, usableMemoryMB: 1000, peakMemoryMB: 1200 });
    expect(plan.strategies.hybrid.cells.every((c) => c.target === "cloud" && c.blockedBy === "memory")).toBe(true);
    expect(plan.strategies.edgeOnly.cells.every((c) => c.target === "unserved")).toBe(true);
  });

  it("explains a device that has neither a run nor a bandwidth", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-d", share: 1 }] }), data);
    expect(plan.devices[0]).toMatchObject({ plannable: false, speedBasis: "none", decodeTokensPerSec: null });
    expect(plan.strategies.hybrid.cells[0]!.reason).toMatch(/memory bandwidth is unknown/);
    expect(plan.strategies.edgeOnly.feasible).toBe(false);
  });

  it("keeps cells over the latency budget on the cloud", () => {
    // budget 5,000 ms: simple on phone-a takes 5,500 ms
    const plan = planScenario(scenario({ constraints: { latencyBudgetMs: 5000 } }), data);
    const cell = plan.strategies.hybrid.cells.find((c) => c.tierId === "simple" && c.deviceId === "phone-a")!;
    expect(cell).toMatchObject({ target: "cloud", blockedBy: "latency" });
  });

  it("meets the battery cap by moving the most energy per dollar to the cloud first", () => {
    const both = scenario({
      tiers: [
        { id: "simple", share: 0.5, inputTokens: 100, outputTokens: 100, minQuality: 0 },
        { id: "complex", share: 0.5, inputTokens: 1000, outputTokens: 500, minQuality: 0 },
      ],
      constraints: { maxBatteryPctPerUserDay: 1 },
    });
    const plan = planScenario(both, data);
    // J/$: simple 22/0.0003 = 73,333 > complex 102/0.002 = 51,000 → simple moves;
    // complex alone: 10·0.5·102/54,000·100 = 0.944 % ≤ 1 %
    const target = (tier: string) =>
      plan.strategies.hybrid.cells.find((c) => c.tierId === tier && c.deviceId === "phone-a")!;
    expect(target("simple")).toMatchObject({ target: "cloud", blockedBy: "battery" });
    expect(target("complex").target).toBe("edge");
    expect(plan.battery[0]).toMatchObject({ status: "over_cap" }); // all tiers: 1.148 % > 1 %
    expect(plan.battery[0]!.hybridPctPerUserDay).toBeCloseTo(0.9444444444, 9);
    expect(plan.strategies.edgeOnly.cells[0]!.violations).toContain("battery");
  });

  it("does not ship when distribution costs more than the tiers save", () => {
    // savings $180 over 12 months (above); with updates 0 and no new installs, shipping costs
    // 1000 · 0.5 · 1 GB · cdn once: cdn $0.35 → $175 < $180 ships; cdn $0.37 → $185 > $180 does not.
    const costs = (cdnUsdPerGB: number) => ({
      setupUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 },
      monthlyInfraUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 },
      cdnUsdPerGB,
      newInstallSharePerMonth: 0,
      modelUpdatesPerYear: 0,
    });
    expect(planScenario(scenario({ costs: costs(0.35) }), data).strategies.hybrid.shippedDeviceIds).toEqual(["phone-a"]);
    const notShipped = planScenario(scenario({ costs: costs(0.37) }), data).strategies.hybrid;
    expect(notShipped.shippedDeviceIds).toEqual([]);
    expect(notShipped.cells.find((c) => c.tierId === "simple" && c.deviceId === "phone-a")!.blockedBy).toBe(
      "distribution",
    );
  });

  it("returns no break-even month when set-up is never paid back", () => {
    // hybrid saves $164.50 over 12 months against a $25,000 set-up
    const plan = planScenario(
      scenario({ costs: { setupUsd: { cloudOnly: 3000, edgeOnly: 50000, hybrid: 25000 }, modelUpdatesPerYear: 0 } }),
      data,
    );
    expect(plan.strategies.hybrid.breakEvenMonth).toBeNull();
    expect(plan.recommendation.strategy).toBe("cloudOnly");
    expect(plan.recommendation.bindingConstraint).toBe("fixed_costs");
  });

  it("finds the break-even month when set-up is paid back later", () => {
    // MAU 100,000: R = 20M requests a month; cloud-only 20M · 0.00115 = $23,000 a month.
    // hybrid saves 20M · 0.25 · 0.0003 = $1,500 a month, pays $20 infrastructure (default),
    // ships 100,000 · 0.5 · 1 GB · $0.02 = $1,000 in month 1, then · 0.05 = $50 a month.
    //   hybrid cumulative: 25,000 + 1,000 + (21,500 + 20)·m + 50·(m−1) = 25,950 + 21,570·m
    //   cloud cumulative:   3,000 + 23,000·m
    //   25,950 + 21,570·m ≤ 3,000 + 23,000·m ⇔ m ≥ 22,950 / 1,430 = 16.05 → month 17
    const plan = planScenario(
      scenario({
        horizonMonths: 36,
        traffic: { monthlyActiveUsers: 100_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 },
        costs: { setupUsd: { cloudOnly: 3000, edgeOnly: 50000, hybrid: 25000 }, modelUpdatesPerYear: 0 },
      }),
      data,
    );
    expect(plan.strategies.hybrid.breakEvenMonth).toBe(17);
  });

  it("recommends cloud-only on a tie", () => {
    // no device classes: the hybrid routes everything to the cloud at the same set-up and infrastructure
    const plan = planScenario(scenario({ devices: [] }), data);
    expect(plan.strategies.hybrid.tcoUsd).toBe(plan.strategies.cloudOnly.tcoUsd);
    expect(plan.recommendation.strategy).toBe("cloudOnly");
    expect(plan.recommendation.savingsVsCloudOnlyPct).toBe(0);
  });

  it("plans zero traffic with finite, explained numbers", () => {
    const plan = planScenario(
      scenario({ traffic: { monthlyActiveUsers: 0 }, costs: { setupUsd: { cloudOnly: 3000, edgeOnly: 50000, hybrid: 25000 } } }),
      data,
    );
    expect(plan.strategies.cloudOnly.tcoUsd).toBe(3000);
    expect(plan.strategies.cloudOnly.costPer1kRequestsUsd).toBeNull();
    expect(plan.strategies.hybrid.shippedDeviceIds).toEqual([]);
    expect(plan.recommendation.warnings.join(" ")).toMatch(/no requests/);
  });
});
