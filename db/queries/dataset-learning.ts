/**
 * What the runs of the whole dataset teach (calibrations, the learned speed model) is
 * learned when a write commits, not when a reader first asks: at 100k runs it reads
 * every run and takes seconds. `learnAfterWrite` learns the data version the write
 * left and stores it in `dataset_learning`; readers of that version, in this process
 * or in another server on the same database, read the stored row (one small query),
 * and the writer's own process has its catalogue in memory before the write answers.
 * On a large dataset the learning runs in a worker thread (lib/use-cases/learn-after-write.ts)
 * and the write answers without waiting for it; a reader that arrives meanwhile reads the
 * most recent learning stored (the previous version's: one run more or less changes little),
 * as an interim its caches drop once the worker has stored this version's
 * (version-cache.ts, provisionalUntil). Only when none is stored (a fresh database) does it
 * wait for that learning (`learningUnderWay`) rather than learning on its own thread.
 * A reader only learns for itself when no writer stored the version it sees and none is
 * learning it (a database written by a seed or an older build, a writer that died in between),
 * and then off its thread where the server says how (`learnElsewhereWhenMissing`: another
 * server on the same database wrote this version, and its worker's row is not stored yet).
 * With the learning, the same pass stores the dataset's digest (`DatasetDigest`): what
 * /benchmarks and the planner page would otherwise derive from every run on the request
 * thread, where the embedded libSQL driver's queries run synchronously (version-learning.ts).
 */
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import type { BenchmarkFacets } from "@/lib/benchmarks/facets";
import type { ChartRuns } from "@/lib/benchmarks/chart-runs";
import type { RunFinding } from "@/lib/benchmarks/run-findings";
import type { FigureGroup } from "@/lib/charts/best-figures";
import type { RunCounts } from "@/lib/planner/run-counts";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import { benchmarkRuns, datasetDigest, datasetLearning } from "../schema";
import { withWriteLock } from "../write-lock";
import { readDataVersion } from "./data-version";
import { provisionalUntil } from "./version-cache";
import { learnDataset, loadCatalogueTables, type CatalogueTables, type DatasetLearning } from "./snapshot";

/** Every run that fails a check, with its failing findings (findings.ts), in id order. */
export type FailingRuns = [runId: number, findings: RunFinding[]][];

/**
 * One distinct (device, variant, runtime id, backend, status, source id) of the runs with its run count and, for the charts'
 * figure groups, how many of its runs have a decode, prefill or first-token figure and the best of each: names are joined when read.
 */
export type StoredRunCombo = [
  deviceId: string,
  variantId: string,
  runtimeId: number,
  backend: string | null,
  status: DataStatus,
  sourceId: number,
  runs: number,
  // Absent from a digest stored before they were counted.
  figureRuns?: number,
  maxDecodeTokensPerSec?: number | null,
  maxPrefillTokensPerSec?: number | null,
  minTtftMs?: number | null,
];

/**
 * What one pass over every run derives besides the learning, for the data version it is
 * stored with: each part is a scan of every run (seconds at 100k runs, run on the thread
 * that reads it), so the pass after a write or a start computes it where the learning is.
 * Stored in `dataset_digest`, a row per part: a reader reads only the part it shows.
 */
export interface DatasetDigest {
  /** Every run that fails a check, with its failing findings (findings.ts' checkEveryRun): what /benchmarks and / list as flagged. */
  failingRuns: FailingRuns;
  /** The highest run id checked: runs are only ever added with a higher id, so a later version's runs above it are the ones not checked. */
  checkedThroughRunId: number;
  /** The runs grouped by every filter field: the filter facets (benchmark-facets.ts). */
  runCombos: StoredRunCombo[];
  /** The facets without a filter, from those combos: what the unfiltered /benchmarks shows. */
  facets: BenchmarkFacets;
  /** The unfiltered charts' best figures per device, variant and status (benchmark-charts.ts). */
  figureGroups: FigureGroup[];
  /** The unfiltered charts' sampled runs, runs above the bandwidth bound and runs with energy figures (benchmark-charts.ts). */
  chartRuns: ChartRuns;
  /** Runs per variant and runtime: the planner's pickers (run-counts.ts). */
  runCounts: RunCounts;
}

const DIGEST_PARTS = ["failingRuns", "checkedThroughRunId", "runCombos", "facets", "figureGroups", "chartRuns", "runCounts"] as const satisfies readonly (keyof DatasetDigest)[];

/** What is stored per data version: the learning, then its digest once that is computed (readStoredLearning puts them together). */
export type StoredLearning = DatasetLearning & Partial<DatasetDigest>;

/**
 * This process's shared state, on globalThis: Next may load this module once per bundle
 * layer (routes, pages, instrumentation), and a learning one of them starts is what the
 * others' readers must see.
 */
const shared = ((globalThis as { [key: symbol]: unknown })[Symbol.for("edge-planner.dataset-learning")] ??= {
  learned: new WeakMap<Database, Promise<void>>(),
  checked: new WeakMap<Database, Promise<void>>(),
  elsewhere: new WeakMap<Database, () => Promise<void>>(),
}) as {
  learned: WeakMap<Database, Promise<void>>;
  checked: WeakMap<Database, Promise<void>>;
  elsewhere: WeakMap<Database, () => Promise<void>>;
};

/** How many runs the learning reads: what decides whether it is worth a worker thread. */
export async function countBenchmarkRuns(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(benchmarkRuns);
  return row?.n ?? 0;
}

/** The learning stored for this data version, or null; with its digest's parts stored for the version unless `withDigest: false` (megabytes at 100k runs). */
export async function readStoredLearning(
  db: Database,
  version: string,
  options: { withDigest: boolean } = { withDigest: true },
): Promise<StoredLearning | null> {
  const [row] = await db
    .select({ json: datasetLearning.learnedJson })
    .from(datasetLearning)
    .where(eq(datasetLearning.dataVersion, version));
  if (!row) return null;
  const learning = JSON.parse(row.json) as StoredLearning;
  if (!options.withDigest) return learning;
  const parts = await db.select({ part: datasetDigest.part, json: datasetDigest.json }).from(datasetDigest).where(eq(datasetDigest.dataVersion, version));
  return { ...learning, ...Object.fromEntries(parts.map(({ part, json }) => [part, JSON.parse(json) as unknown])) };
}

/** The learning stored most recently, whichever version it was learned from, or null. */
async function readLatestStoredLearning(db: Database): Promise<{ version: string; learning: StoredLearning } | null> {
  const [row] = await db
    .select({ version: datasetLearning.dataVersion, json: datasetLearning.learnedJson })
    .from(datasetLearning)
    .orderBy(desc(datasetLearning.learnedAt))
    .limit(1);
  return row ? { version: row.version, learning: JSON.parse(row.json) as StoredLearning } : null;
}

/**
 * Stores the learning of `version` and drops every other version's (their digests stay until
 * this version's is stored: storeDigest). A version that has moved on meanwhile is not
 * stored: what was learned may mix two states of the data.
 */
async function storeLearning(db: Database, version: string, learning: StoredLearning): Promise<void> {
  await withWriteLock(async () => {
    if ((await readDataVersion(db)) !== version) return;
    const row = { dataVersion: version, learnedJson: JSON.stringify(learning), learnedAt: new Date().toISOString() };
    await db.batch([
      db
        .insert(datasetLearning)
        .values(row)
        .onConflictDoUpdate({ target: datasetLearning.dataVersion, set: { learnedJson: row.learnedJson, learnedAt: row.learnedAt } }),
      db.delete(datasetLearning).where(ne(datasetLearning.dataVersion, version)),
    ]);
  });
}

/**
 * Per database: the learning under way elsewhere (a worker thread), `learned` settled when
 * its learning is stored, `checked` when its digest is too (or either failed).
 */
const underWay = { learned: shared.learned, checked: shared.checked };

/**
 * How this server learns a version it finds nothing stored for, off the request thread
 * (lib/use-cases/learn-after-write.ts, registered at the server's start): `start` marks the
 * learning under way (learningUnderWay) when it starts one, and may decline (a small dataset).
 */
export function learnElsewhereWhenMissing(db: Database, start: () => Promise<void>): void {
  shared.elsewhere.set(db, start);
}

/** Whether a learning of `db` is under way elsewhere, after asking the registered learner to start one when none is. */
async function underWayOrStarted(db: Database, what: "learned" | "checked"): Promise<boolean> {
  if (!underWay[what].has(db)) await shared.elsewhere.get(db)?.();
  return underWay[what].has(db);
}

/**
 * Tells this process's readers of `db` that a learning is under way elsewhere (a worker
 * thread, on its own connection): a reader that finds no stored row waits for it instead
 * of learning on its own thread. `learned` settles once the learning is stored, `checked`
 * (the same when not given) once the failing runs are stored too.
 */
export function learningUnderWay(db: Database, until: { learned: Promise<unknown>; checked?: Promise<unknown> }): void {
  const mark = (map: WeakMap<Database, Promise<void>>, promise: Promise<unknown>) => {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    map.set(db, settled);
    void settled.then(() => map.get(db) === settled && map.delete(db));
  };
  mark(underWay.learned, until.learned);
  mark(underWay.checked, until.checked ?? until.learned);
}

/** Resolves once no learning of `db` is under way elsewhere (at once when none is): its learning stored, or its digest too. */
export async function learningSettled(db: Database, what: "learned" | "checked" = "checked"): Promise<void> {
  const map = underWay[what];
  for (let pending = map.get(db); pending; pending = map.get(db)) await pending;
}

/** A learning and the data version it was learned from: `version` itself, or an earlier one while a worker learns it. */
export interface LearningAt {
  learning: DatasetLearning;
  learnedFrom: string;
}

/**
 * The learning of data version `version`: stored; while a learning of it is under way
 * elsewhere, the most recent one stored (an interim: the load reading it is provisional
 * until that learning settles), or when none is stored, the one under way once it is;
 * or else learned now and stored. The version is read again after learning; when a write
 * came in between, the result is still this reader's answer (the write's own learning
 * replaces it) but is not stored under `version`.
 */
export async function learningAt(db: Database, version: string, tables?: CatalogueTables): Promise<LearningAt> {
  const stored = await readStoredLearning(db, version, { withDigest: false });
  if (stored) return { learning: learningOf(stored), learnedFrom: version };
  if (await underWayOrStarted(db, "learned")) {
    const latest = await readLatestStoredLearning(db);
    if (latest) {
      // The row found may be this version's, stored since the first read: then it is final.
      if (latest.version !== version) provisionalUntil(learningSettled(db, "learned"));
      return { learning: learningOf(latest.learning), learnedFrom: latest.version };
    }
    await learningSettled(db, "learned");
    const learned = await readStoredLearning(db, version, { withDigest: false });
    if (learned) return { learning: learningOf(learned), learnedFrom: version };
  }
  const learning = await learnDataset(db, tables ?? (await loadCatalogueTables(db)));
  await storeLearning(db, version, learning);
  return { learning, learnedFrom: version };
}

function learningOf({ calibrations, speedModel }: StoredLearning): DatasetLearning {
  return { calibrations, speedModel };
}

/**
 * One part of the digest stored for this data version: waits for a learning under way
 * elsewhere first (or starts one off the request thread where the server registered how);
 * null when none is stored (the reader then computes it itself). `interim`: rather than
 * wait, read the part most recently stored, whichever version (as learningAt does for the
 * learning), provisional until the learning under way has stored this version's.
 */
export async function readStoredDigest<K extends keyof DatasetDigest>(
  db: Database,
  version: string,
  part: K,
  options: { interim?: boolean } = {},
): Promise<DatasetDigest[K] | null> {
  return (await readStoredDigestOf(db, version, part, options))?.value ?? null;
}

/** readStoredDigest, with the data version the part was computed from: `version`, or an earlier one as an interim. */
export async function readStoredDigestOf<K extends keyof DatasetDigest>(
  db: Database,
  version: string,
  part: K,
  options: { interim?: boolean } = {},
): Promise<{ value: DatasetDigest[K]; computedFrom: string } | null> {
  if (underWay.checked.has(db) && !options.interim) await learningSettled(db, "checked");
  const stored = await readDigestPart(db, version, part);
  if (stored || !(await underWayOrStarted(db, "checked"))) return stored;
  if (options.interim) {
    const latest = await readDigestPart(db, null, part);
    if (latest) {
      if (latest.computedFrom !== version) provisionalUntil(learningSettled(db, "checked"));
      return latest;
    }
  }
  await learningSettled(db, "checked");
  return readDigestPart(db, version, part);
}

/** One part of the digest stored for `version` (null: the one stored most recently, whichever version). */
export async function readDigestPart<K extends keyof DatasetDigest>(
  db: Database,
  version: string | null,
  part: K,
): Promise<{ value: DatasetDigest[K]; computedFrom: string } | null> {
  const [row] = await db
    .select({ version: datasetDigest.dataVersion, json: datasetDigest.json })
    .from(datasetDigest)
    .where(version === null ? eq(datasetDigest.part, part) : and(eq(datasetDigest.part, part), eq(datasetDigest.dataVersion, version)))
    .orderBy(desc(datasetDigest.storedAt))
    .limit(1);
  return row ? { value: JSON.parse(row.json) as DatasetDigest[K], computedFrom: row.version } : null;
}

/**
 * Learns the current version again and replaces what is stored (the learning, without a
 * digest yet): the first step of version-learning.ts' learnDatasetVersion, which every
 * start runs, so that a row a previous build stored (its speed model possibly shaped
 * otherwise) is not what this build's readers read. Returns the version learned.
 */
export async function relearnStoredLearning(db: Database): Promise<string> {
  const version = await readDataVersion(db);
  await storeLearning(db, version, await learnDataset(db, await loadCatalogueTables(db)));
  return version;
}

/** Stores the digest (version-learning.ts) of `version`, unless the version has moved on, and drops every other version's. */
export async function storeDigest(db: Database, version: string, digest: DatasetDigest): Promise<void> {
  await withWriteLock(async () => {
    if ((await readDataVersion(db)) !== version) return;
    const storedAt = new Date().toISOString();
    await db.batch([
      db
        .insert(datasetDigest)
        .values(DIGEST_PARTS.map((part) => ({ dataVersion: version, part, json: JSON.stringify(digest[part]), storedAt })))
        .onConflictDoUpdate({ target: [datasetDigest.dataVersion, datasetDigest.part], set: { json: sql`excluded.json`, storedAt } }),
      db.delete(datasetDigest).where(ne(datasetDigest.dataVersion, version)),
    ]);
  });
}
