/**
 * The runs the benchmark charts plot besides the best figures (db/queries/benchmark-charts.ts),
 * and how they change when runs are added: each list is the selected runs' first ones by id,
 * and added runs have higher ids than every run before them, so they can only be appended.
 */
import type { BenchmarkChartPoint } from "@/lib/charts/benchmark-point";
import type { ChartRunLimits } from "./chart-limits";

/** The runs the charts plot besides the best figures, fetched for `limits` (runs a chart shows at most). */
export interface ChartRuns {
  limits: ChartRunLimits;
  /** The runs with a decode speed or a peak memory whose id is a multiple of ⌈total ÷ limit⌉, the first `limit` by id. */
  sample: { total: number; points: BenchmarkChartPoint[] };
  /** The first runs by id whose decode speed exceeds the plain bandwidth bound (decode × sizeGB > bandwidth GB/s). */
  aboveBound: BenchmarkChartPoint[];
  /** The first runs by id with a power, battery-drain or throttling figure. */
  energy: BenchmarkChartPoint[];
}

/** Whether a run is sampled at all: it has a decode speed or a peak memory. */
const sampled = (p: BenchmarkChartPoint) => p.decodeTokensPerSec !== null || p.peakMemoryMB !== null;

/** The bound as SQL compares it: any of the three unknown, not above. */
const aboveTheBound = (p: BenchmarkChartPoint) =>
  p.decodeTokensPerSec !== null && p.sizeGB !== null && p.memoryBandwidthGBps !== null && p.decodeTokensPerSec * p.sizeGB > p.memoryBandwidthGBps;

const withEnergyFigures = (p: BenchmarkChartPoint) => p.powerW !== null || p.batteryDrainPctPer30Min !== null || p.throttlePct !== null;

/** The sample's step: every k-th id, k = ⌈total ÷ limit⌉. */
const stepOf = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

function appended(list: BenchmarkChartPoint[], added: BenchmarkChartPoint[], limit: number): BenchmarkChartPoint[] {
  if (list.length >= limit || added.length === 0) return list;
  return [...list, ...added.slice(0, limit - list.length)];
}

/**
 * `previous` with `added` (every selected run above the ids it was read from, in id order):
 * null when the sample's step changes with them (then every point may differ: query again).
 */
export function chartRunsWithAdded(previous: ChartRuns, added: readonly BenchmarkChartPoint[]): ChartRuns | null {
  const { limits, sample } = previous;
  const withFigures = added.filter(sampled);
  const total = sample.total + withFigures.length;
  const step = stepOf(total, limits.sample);
  if (step !== stepOf(sample.total, limits.sample)) return null;
  return {
    limits,
    sample: { total, points: appended(sample.points, step === 1 ? withFigures : withFigures.filter((p) => p.id % step === 0), limits.sample) },
    aboveBound: appended(previous.aboveBound, added.filter(aboveTheBound), limits.aboveBound),
    energy: appended(previous.energy, added.filter(withEnergyFigures), limits.energy),
  };
}
