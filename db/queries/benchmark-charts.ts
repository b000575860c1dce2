/**
 * What the benchmark charts plot of a filtered set of runs: the best figures per
 * device and model (aggregated in SQL over the whole set), an even sample of runs
 * for the scatter plots, and every run that the plots must never sample away
 * (decode above the bandwidth bound; power, battery or throttling figures).
 */
import { and, asc, count, eq, gt, isNotNull, lte, max, min, or, sql, type SQL } from "drizzle-orm";
import type { ChartRunLimits } from "@/lib/benchmarks/chart-limits";
import { chartRunsWithAdded, type ChartRuns } from "@/lib/benchmarks/chart-runs";
import { figureGroupsOfCombos } from "@/lib/benchmarks/figure-groups";
import type { BenchmarkChartPoint } from "@/lib/charts/benchmark-point";
import type { FigureGroup } from "@/lib/charts/best-figures";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";
import { runCombosAt } from "./benchmark-facets";
import { joinRunFacts, whereBenchmarkFilters } from "./benchmarks";
import { ADDED_RUNS, keptAcrossWrites } from "./carried-run-reads";
import { readDataVersion } from "./data-version";
import { readStoredDigest } from "./dataset-learning";
import { filtersKey } from "./version-cache";

/**
 * The filtered runs grouped by device, variant and status, with the highest
 * decode and prefill speeds and the lowest first-token time of each group:
 * lib/charts/best-figures.ts reduces the groups to the best figure per device and model.
 * Unfiltered (a scan of every run) they are part of the digest stored with the learning
 * (version-learning.ts), read from there when stored. Filtered, rolled up from the run
 * combinations kept in memory across writes (lib/benchmarks/figure-groups.ts): a write does
 * not have each filter's first charts aggregate every run it selects again (15-300 ms at 100k runs).
 */
export async function listBenchmarkFigureGroups(db: Database, filters: BenchmarkFilters): Promise<FigureGroup[]> {
  const version = await readDataVersion(db);
  if (whereBenchmarkFilters(filters) === undefined) {
    // While a worker learns a new version, the previous version's (an interim, as the learning is).
    const stored = await readStoredDigest(db, version, "figureGroups", { interim: true });
    if (stored) return stored;
  }
  return figureGroupsOfCombos(await runCombosAt(db, version), filters) ?? queryFigureGroups(db, filters);
}

/** listBenchmarkFigureGroups from the runs: aggregated on benchmark_runs alone, names joined to the (small) result. */
export async function queryFigureGroups(db: Database, filters: BenchmarkFilters): Promise<FigureGroup[]> {
  const groups = db
    .select({
      deviceId: benchmarkRuns.deviceId,
      variantId: benchmarkRuns.variantId,
      status: benchmarkRuns.status,
      runs: count().as("runs"),
      maxDecodeTokensPerSec: max(benchmarkRuns.decodeTokensPerSec).as("max_decode"),
      maxPrefillTokensPerSec: max(benchmarkRuns.prefillTokensPerSec).as("max_prefill"),
      minTtftMs: min(benchmarkRuns.ttftMs).as("min_ttft"),
    })
    .from(benchmarkRuns)
    .where(
      and(
        whereBenchmarkFilters(filters),
        or(
          isNotNull(benchmarkRuns.decodeTokensPerSec),
          isNotNull(benchmarkRuns.prefillTokensPerSec),
          isNotNull(benchmarkRuns.ttftMs),
        ),
      ),
    )
    .groupBy(benchmarkRuns.deviceId, benchmarkRuns.variantId, benchmarkRuns.status)
    .as("figure_groups");
  return db
    .select({
      deviceId: groups.deviceId,
      deviceName: devices.name,
      modelId: models.id,
      modelName: models.name,
      status: groups.status,
      runs: groups.runs,
      maxDecodeTokensPerSec: groups.maxDecodeTokensPerSec,
      maxPrefillTokensPerSec: groups.maxPrefillTokensPerSec,
      minTtftMs: groups.minTtftMs,
    })
    .from(groups)
    .innerJoin(devices, eq(devices.id, groups.deviceId))
    .innerJoin(variants, eq(variants.id, groups.variantId))
    .innerJoin(models, eq(models.id, variants.modelId));
}

const pointColumns = {
  id: benchmarkRuns.id,
  deviceId: devices.id,
  deviceName: devices.name,
  memoryBandwidthGBps: devices.memoryBandwidthGBps,
  batteryWh: devices.batteryWh,
  modelName: models.name,
  quantization: variants.quantization,
  sizeGB: variants.sizeGB,
  paramsB: models.paramsB,
  activeParamsB: models.activeParamsB,
  architecture: models.architecture,
  runtime: runtimes.name,
  backend: benchmarkRuns.backend,
  status: benchmarkRuns.status,
  sourceTitle: sources.title,
  decodeTokensPerSec: benchmarkRuns.decodeTokensPerSec,
  prefillTokensPerSec: benchmarkRuns.prefillTokensPerSec,
  ttftMs: benchmarkRuns.ttftMs,
  promptTokens: benchmarkRuns.promptTokens,
  peakMemoryMB: benchmarkRuns.peakMemoryMB,
  powerW: benchmarkRuns.powerW,
  batteryDrainPctPer30Min: benchmarkRuns.batteryDrainPctPer30Min,
  throttlePct: benchmarkRuns.throttlePct,
  throttleAfterMin: benchmarkRuns.throttleAfterMin,
};

/** Chart points of the filtered runs that also match `where`, in id order, at most `limit`. */
async function selectPoints(db: Database, filters: BenchmarkFilters, where: SQL | undefined, limit: number): Promise<BenchmarkChartPoint[]> {
  return joinRunFacts(db.select(pointColumns).from(benchmarkRuns).$dynamic())
    .where(and(whereBenchmarkFilters(filters), where))
    .orderBy(asc(benchmarkRuns.id))
    .limit(limit);
}

/**
 * About `limit` runs with a decode speed or a peak memory, spread over the
 * filtered set: the runs whose id is a multiple of k = ⌈n ÷ limit⌉, n the number
 * of filtered runs (even for runs stored in order; deterministic, so a chart does
 * not change between two views of the same data). Never more than `limit`.
 */
export async function listSampledBenchmarkPoints(
  db: Database,
  filters: BenchmarkFilters,
  limit: number,
  through?: SQL,
): Promise<{ total: number; points: BenchmarkChartPoint[] }> {
  const withFigures = and(or(isNotNull(benchmarkRuns.decodeTokensPerSec), isNotNull(benchmarkRuns.peakMemoryMB)), through);
  const [row] = await db.select({ n: count() }).from(benchmarkRuns).where(and(whereBenchmarkFilters(filters), withFigures));
  const total = row?.n ?? 0;
  const step = Math.max(1, Math.ceil(total / limit));
  const points = await selectPoints(
    db,
    filters,
    step === 1 ? withFigures : and(withFigures, sql`${benchmarkRuns.id} % ${step} = 0`),
    limit,
  );
  return { total, points };
}

/**
 * Runs whose decode speed exceeds the plain bandwidth bound
 * (decode × sizeGB > bandwidth GB/s): the candidates a plausibility check judges.
 */
export async function listRunsAboveBandwidthBound(
  db: Database,
  filters: BenchmarkFilters,
  limit: number,
  through?: SQL,
): Promise<BenchmarkChartPoint[]> {
  return selectPoints(db, filters, and(gt(sql`${benchmarkRuns.decodeTokensPerSec} * ${variants.sizeGB}`, devices.memoryBandwidthGBps), through), limit);
}

/**
 * The charts' runs of a filter. Unfiltered, each query is a scan of every run (the sample's
 * count and pick, the bandwidth bound's join: 50-70 ms each at 100k runs), so they are part
 * of the digest (version-learning.ts), read from there when stored for the same limits.
 */
export async function listChartRuns(db: Database, filters: BenchmarkFilters, limits: ChartRunLimits): Promise<ChartRuns> {
  if (whereBenchmarkFilters(filters) === undefined) {
    // While a worker learns a new version, the previous version's (an interim, as the learning is).
    const stored = await readStoredDigest(db, await readDataVersion(db), "chartRuns", { interim: true });
    if (stored && sameLimits(stored.limits, limits)) return stored;
    return queryChartRuns(db, filters, limits);
  }
  // Filtered, a scan of the selected runs (60-400 ms at 100k runs), carried across writes instead.
  return keptChartRuns(db, filters, limits);
}

function sameLimits(a: ChartRunLimits, b: ChartRunLimits): boolean {
  return a.sample === b.sample && a.aboveBound === b.aboveBound && a.energy === b.energy;
}

/** listChartRuns from the runs; of those up to `throughRunId` when given. */
export async function queryChartRuns(db: Database, filters: BenchmarkFilters, limits: ChartRunLimits, throughRunId?: number): Promise<ChartRuns> {
  const through = throughRunId === undefined ? undefined : lte(benchmarkRuns.id, throughRunId);
  const [sample, aboveBound, energy] = await Promise.all([
    listSampledBenchmarkPoints(db, filters, limits.sample, through),
    listRunsAboveBandwidthBound(db, filters, limits.aboveBound, through),
    listRunsWithEnergyFigures(db, filters, limits.energy, through),
  ]);
  return { limits: { ...limits }, sample, aboveBound, energy };
}

/** Runs with a power, battery-drain or throttling figure (few: articles and power-metered uploads). */
export async function listRunsWithEnergyFigures(
  db: Database,
  filters: BenchmarkFilters,
  limit: number,
  through?: SQL,
): Promise<BenchmarkChartPoint[]> {
  const withEnergyFigures = or(isNotNull(benchmarkRuns.powerW), isNotNull(benchmarkRuns.batteryDrainPctPer30Min), isNotNull(benchmarkRuns.throttlePct));
  return selectPoints(db, filters, and(withEnergyFigures, through), limit);
}

/** Filters (with limits) whose chart runs are kept across data versions, per database; the least recently used goes first. */
const MAX_KEPT_FILTERS = 64;
const carriedChartRuns = keptAcrossWrites<ChartRuns>(MAX_KEPT_FILTERS);

/**
 * A filter's chart runs, carried from the last data version they were read at
 * (carried-run-reads.ts): every list is in id order, so the lists now are those with the added
 * runs' points appended (lib/benchmarks/chart-runs.ts). Queried again otherwise, up to the
 * highest id of the basis they are kept with.
 */
function keptChartRuns(db: Database, filters: BenchmarkFilters, limits: ChartRunLimits): Promise<ChartRuns> {
  return carriedChartRuns(db, `${filtersKey(filters)}:${limits.sample}:${limits.aboveBound}:${limits.energy}`, {
    read: (throughRunId) => queryChartRuns(db, filters, limits, throughRunId),
    withAdded: async (previous, afterRunId, throughRunId) => {
      const added = await selectPoints(db, filters, and(gt(benchmarkRuns.id, afterRunId), lte(benchmarkRuns.id, throughRunId)), ADDED_RUNS + 1);
      return added.length > ADDED_RUNS ? null : chartRunsWithAdded(previous, added);
    },
  });
}
