/** Plans carry the estimates' ranges, and say where the recommendation stops holding. */
import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import type { LearnedSpeedModel } from "@/lib/model/learned-speed";
import { device, scenario, standardSnapshot } from "./fixtures";

/**
 * A learned model given whole: decode efficiency 0.5 for llama.cpp, and estimates
 * that fall between 0.5× and 2× of the measured speed (p10 0.5, p90 2): the
 * measured speed of a 20 tok/s estimate lies between 20/2 = 10 and 20/0.5 = 40.
 */
const speedModel: LearnedSpeedModel = {
  decode: { priors: [{ key: "llama.cpp", value: 0.5, runs: 10 }], devices: [] },
  prefill: { priors: [], devices: [] },
  prefillToDecode: [],
  power: { devices: [], kinds: [] },
  residuals: {
    decode: { device: null, prior: { p10: 0.5, p50: 1, p90: 2, runs: 10 } },
    prefill: { device: null, prior: null },
  },
};

function data(): DatasetSnapshot {
  const base = standardSnapshot();
  // phone-n: 40 GB/s, no run: 0.5 · 40 GB/s ÷ 1 GB = 20 tok/s
  return { ...base, devices: [...base.devices, device({ id: "phone-n", memoryBandwidthGBps: 40 })], runs: [], speedModel };
}

/** One tier of 100 output tokens and no prompt: edge latency = 1000·100/decode ms = 5,000 ms at 20 tok/s. */
const tiers = [{ id: "reply", share: 1, inputTokens: 0, outputTokens: 100, minQuality: 0 }];

describe("ranges", () => {
  it("reports a recommendation that flips inside its range as such", () => {
    // Budget 8,000 ms: the edge meets it while decode ≥ 1000·100/8000 = 12.5 tok/s,
    // i.e. until phones are 20/12.5 = 1.6× slower than estimated; the slow end (10 tok/s) misses it.
    const plan = planScenario(
      scenario({
        tiers,
        devices: [{ device: "phone-n", share: 1 }],
        constraints: { latencyBudgetMs: 8000 },
        costs: { setupUsd: { cloudOnly: 0, edgeOnly: 1000, hybrid: 100 }, monthlyInfraUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 } },
      }),
      data(),
    );
    expect(plan.devices[0]).toMatchObject({ decodeTokensPerSec: 20, decodeBasis: "prior", decodeRange: { low: 10, high: 40 } });
    expect(plan.recommendation.strategy).toBe("hybrid");
    const r = plan.ranges!.recommendation;
    expect(r).toMatchObject({ strategy: "hybrid", atSlowEnd: "cloudOnly", atFastEnd: "hybrid", holds: false });
    expect(r.flipsAt!.direction).toBe("slower");
    expect(r.flipsAt!.factor).toBeCloseTo(1.6, 6);
    expect(r.statement).toBe("Hybrid wins unless phones run 1.6× slower than estimated (then cloud-only)");
    expect(plan.recommendation.reasons).toContain(`${r.statement}.`);
    // Latency: 1000·100/40 = 2,500 ms (fast end) to 1000·100/10 = 10,000 ms (slow end)
    expect(plan.ranges!.devices[0]!.tiers[0]!.latencyMs).toEqual({ low: 2500, high: 10_000 });
    // Hybrid's TCO: its $100 set-up plus no cloud cost at base and fast end; cloud-only's at the slow end (+$100)
    const cloudTco = plan.strategies.cloudOnly.tcoUsd;
    expect(plan.ranges!.strategies.hybrid.tcoUsd.low).toBeCloseTo(plan.strategies.hybrid.tcoUsd, 9);
    expect(plan.ranges!.strategies.hybrid.tcoUsd.high).toBeCloseTo(cloudTco + 100, 9);
    expect(plan.ranges!.strategies.hybrid.savingsVsCloudOnlyUsd.low).toBeCloseTo(-100, 9);
  });

  it("says the recommendation holds when it does across the range", () => {
    const plan = planScenario(
      scenario({ tiers, devices: [{ device: "phone-n", share: 1 }], constraints: { latencyBudgetMs: 20_000 } }),
      data(),
    );
    const r = plan.ranges!.recommendation;
    expect(r.holds).toBe(true);
    expect(r.flipsAt).toBeNull();
    // slow end 20/10 = 2× slower, fast end 40/20 = 2× faster
    expect(r.statement).toMatch(/wins across the range of the edge estimates \(phones 2× slower to 2× faster than estimated\)/);
  });

  it("has no ranges when every figure comes from a run", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-a", share: 1 }] }), standardSnapshot());
    expect(plan.ranges).toBeNull();
  });
});
