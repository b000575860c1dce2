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
 * learning it (a database written by a seed or an older build, or a writer that died in between).
 */
import { count, desc, eq, ne, sql } from "drizzle-orm";
import type { RunFinding } from "@/lib/benchmarks/run-findings";
import type { Database } from "../client";
import { benchmarkRuns, datasetLearning } from "../schema";
import { withWriteLock } from "../write-lock";
import { readDataVersion } from "./data-version";
import { provisionalUntil } from "./version-cache";
import { learnDataset, loadCatalogueTables, type CatalogueTables, type DatasetLearning } from "./snapshot";

/** Every run that fails a check, with its failing findings (findings.ts), in id order. */
export type FailingRuns = [runId: number, findings: RunFinding[]][];

/**
 * What is stored per data version: the learning, and (when the learning ran after a write
 * in a worker) the runs that fail a check, which /benchmarks and / list: checking every run
 * is seconds at 100k runs.
 */
export type StoredLearning = DatasetLearning & { failingRuns?: FailingRuns };

/** How many runs the learning reads: what decides whether it is worth a worker thread. */
export async function countBenchmarkRuns(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(benchmarkRuns);
  return row?.n ?? 0;
}

/** The learning stored for this data version, or null; `withFailingRuns: false` leaves them in the database (megabytes at 100k runs). */
export async function readStoredLearning(
  db: Database,
  version: string,
  options: { withFailingRuns: boolean } = { withFailingRuns: true },
): Promise<StoredLearning | null> {
  const [row] = await db
    .select({ json: options.withFailingRuns ? datasetLearning.learnedJson : sql<string>`json_remove(${datasetLearning.learnedJson}, '$.failingRuns')` })
    .from(datasetLearning)
    .where(eq(datasetLearning.dataVersion, version));
  return row ? (JSON.parse(row.json) as StoredLearning) : null;
}

/** The learning stored most recently, whichever version it was learned from (its failing runs left out), or null. */
async function readLatestStoredLearning(db: Database): Promise<{ version: string; learning: StoredLearning } | null> {
  const [row] = await db
    .select({ version: datasetLearning.dataVersion, json: sql<string>`json_remove(${datasetLearning.learnedJson}, '$.failingRuns')` })
    .from(datasetLearning)
    .orderBy(desc(datasetLearning.learnedAt))
    .limit(1);
  return row ? { version: row.version, learning: JSON.parse(row.json) as StoredLearning } : null;
}

/**
 * Stores the learning of `version` and drops every other version's. A version that has
 * moved on meanwhile is not stored: what was learned may mix two states of the data.
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
 * its learning is stored, `checked` when its failing runs are too (or either failed).
 */
const underWay = { learned: new WeakMap<Database, Promise<void>>(), checked: new WeakMap<Database, Promise<void>>() };

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

/** Resolves once no learning of `db` is under way elsewhere (at once when none is): its learning stored, or its failing runs too. */
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
  const stored = await readStoredLearning(db, version, { withFailingRuns: false });
  if (stored) return { learning: learningOf(stored), learnedFrom: version };
  if (underWay.learned.has(db)) {
    const latest = await readLatestStoredLearning(db);
    if (latest) {
      // The row found may be this version's, stored since the first read: then it is final.
      if (latest.version !== version) provisionalUntil(learningSettled(db, "learned"));
      return { learning: learningOf(latest.learning), learnedFrom: latest.version };
    }
    await learningSettled(db, "learned");
    const learned = await readStoredLearning(db, version, { withFailingRuns: false });
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
 * The failing runs stored for this data version, waiting for a learning under way
 * elsewhere first; null when none were stored (a reader then checks the runs itself).
 */
export async function readStoredFailingRuns(db: Database, version: string): Promise<FailingRuns | null> {
  if (underWay.checked.has(db)) await learningSettled(db, "checked");
  return (await readStoredLearning(db, version))?.failingRuns ?? null;
}

/**
 * Learns the current version again and replaces what is stored: run at every start, so
 * that a row a previous build stored (its speed model possibly shaped otherwise) is not
 * what this build's readers read. Returns the version learned.
 */
export async function relearnStoredLearning(db: Database): Promise<string> {
  const version = await readDataVersion(db);
  await storeLearning(db, version, await learnDataset(db, await loadCatalogueTables(db)));
  return version;
}

/** Adds the failing runs (findings.ts' checkEveryRun) to the row stored for `version`, unless the version has moved on. */
export async function storeFailingRuns(db: Database, version: string, failingRuns: FailingRuns): Promise<void> {
  await withWriteLock(async () => {
    const stored = await readStoredLearning(db, version);
    if (!stored || (await readDataVersion(db)) !== version) return;
    await db
      .update(datasetLearning)
      .set({ learnedJson: JSON.stringify({ ...learningOf(stored), failingRuns }) })
      .where(eq(datasetLearning.dataVersion, version));
  });
}
