/**
 * What is learned after the data changes, in one pass that every path runs: a start
 * (db/migrate.ts), the learning worker after a write on a large dataset, a large upload's
 * own worker, and a write on a small dataset inline (lib/use-cases/learn-after-write.ts).
 * First the learning (calibrations, speed model: dataset-learning.ts), stored at once so
 * that the planner's readers may go on; then the digest, every part of it a scan of every
 * run: the failing runs, the filter facets' run combinations and the unfiltered facets, the
 * unfiltered charts' best figures and runs, and the run counts. On the embedded libSQL file a query runs synchronously on
 * the thread that asks it, so readers that found these missing computed them on the request
 * thread: at 100k runs the first /benchmarks after a write held every other request ≈ 5 s.
 */
import { count, eq, max } from "drizzle-orm";
import type { Database } from "../client";
import { benchmarkRuns, runtimes } from "../schema";
import { facetsOfCombos } from "@/lib/benchmarks/facets";
import { figureGroupsOfCombos } from "@/lib/benchmarks/figure-groups";
import { CHART_RUN_LIMITS } from "@/lib/benchmarks/chart-limits";
import { queryChartRuns, queryFigureGroups } from "./benchmark-charts";
import { namedRunCombos, queryStoredRunCombos } from "./benchmark-facets";
import { relearnStoredLearning, storeDigest, type DatasetDigest } from "./dataset-learning";
import { checkEveryRun } from "./failing-runs";
import { listDatasetFindings } from "./findings";
import type { RunCounts } from "@/lib/planner/run-counts";

/**
 * Learns the current data version and stores it, calls `onLearned`, then computes its
 * digest and stores it with it (neither is stored when a write came in between: that
 * write's own pass stores its version). Returns the version learned.
 */
export async function learnDatasetVersion(db: Database, options: { onLearned?: () => void } = {}): Promise<string> {
  const version = await relearnStoredLearning(db);
  options.onLearned?.();
  await storeDigest(db, version, await digestDataset(db));
  return version;
}

/** Every part of the digest, from the database as it is now. */
export async function digestDataset(db: Database): Promise<DatasetDigest> {
  const [last] = await db.select({ id: max(benchmarkRuns.id) }).from(benchmarkRuns);
  // A write after this read moves the data version on: the digest is then not stored (storeDigest).
  const checkedThroughRunId = last?.id ?? 0;
  const failingRuns = await checkEveryRun(db, await listDatasetFindings(db));
  const runCombos = await queryStoredRunCombos(db);
  const named = await namedRunCombos(db, runCombos);
  const facets = facetsOfCombos(named, {});
  // Rolled up from the combinations, which count their runs' figures: not a second scan of every run.
  const figureGroups = figureGroupsOfCombos(named, {}) ?? (await queryFigureGroups(db, {}));
  const chartRuns = await queryChartRuns(db, {}, CHART_RUN_LIMITS);
  const runCounts = await queryRunCounts(db);
  return { failingRuns, checkedThroughRunId, runCombos, facets, figureGroups, chartRuns, runCounts };
}

/** Runs per variant and per runtime, counted in the database. */
export async function queryRunCounts(db: Database): Promise<RunCounts> {
  const rows = await db
    .select({ variantId: benchmarkRuns.variantId, runtime: runtimes.name, runs: count() })
    .from(benchmarkRuns)
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .groupBy(benchmarkRuns.variantId, runtimes.name);
  const counts: RunCounts = { byVariant: {}, byRuntime: {} };
  for (const { variantId, runtime, runs } of rows) {
    counts.byVariant[variantId] = (counts.byVariant[variantId] ?? 0) + runs;
    counts.byRuntime[runtime] = (counts.byRuntime[runtime] ?? 0) + runs;
  }
  return counts;
}
