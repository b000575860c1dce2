import { describe, expect, it } from "vitest";
import { chartRunsWithAdded, type ChartRuns } from "@/lib/benchmarks/chart-runs";
import type { BenchmarkChartPoint } from "@/lib/charts/benchmark-point";
import { point as chartPoint } from "../charts/fixtures";

/** A run on a 30 GB/s phone of a 0.6 GB variant (its decode bound 50 tok/s), at 20 tok/s unless told. */
function point(id: number, more: Partial<BenchmarkChartPoint> = {}): BenchmarkChartPoint {
  return chartPoint(id, { memoryBandwidthGBps: 30, decodeTokensPerSec: 20, ...more });
}

/** Runs 2 and 4 sampled of 3 (step ⌈3 ÷ 2⌉ = 2), run 5 above the bound, nothing with energy figures. */
const previous: ChartRuns = {
  limits: { sample: 2, aboveBound: 2, energy: 1 },
  sample: { total: 3, points: [point(2), point(4)] },
  aboveBound: [point(5, { decodeTokensPerSec: 60 })],
  energy: [],
};

describe("chart runs with runs added", () => {
  it("append what each list selects up to its limit while the sample's step stays", () => {
    const added = [
      // Exactly at the bound (50 × 0.6 = 30 GB/s): not above it; throttling counts as an energy figure.
      point(6, { decodeTokensPerSec: 50, throttlePct: 12 }),
      // No decode and no memory: not sampled, not counted; above nothing.
      point(7, { decodeTokensPerSec: null, powerW: 3 }),
    ];
    const next = chartRunsWithAdded(previous, added);
    // 4 sampled runs: step still 2, but the sample already holds its 2 points.
    expect(next?.sample).toEqual({ total: 4, points: [point(2), point(4)] });
    expect(next?.aboveBound.map((p) => p.id)).toEqual([5]);
    // The first energy run by id only (limit 1).
    expect(next?.energy.map((p) => p.id)).toEqual([6]);
    expect(chartRunsWithAdded(previous, [point(8, { decodeTokensPerSec: 50.5 })])?.aboveBound.map((p) => p.id)).toEqual([5, 8]);
  });

  it("is null when the added runs change the sample's step", () => {
    // 5 sampled runs: step ⌈5 ÷ 2⌉ = 3, so every point may differ.
    expect(chartRunsWithAdded(previous, [point(6), point(8)])).toBeNull();
  });
});
