/**
 * The dataset snapshot the planner reads, loaded once per data version instead of on
 * every request (version-cache.ts): a plan then costs one version query, whatever the
 * size of the dataset. The catalogue (devices with their calibrations, variants, prices)
 * is assembled once per write, its learning read from where the write stored it
 * (dataset-learning.ts), its tables read again only when they changed; runs are loaded per set of variants asked for, since a plan
 * reads only the runs of its own variant (kept across versions while they are the same).
 * While a worker learns a new version, its
 * catalogue holds the previous version's learning until the worker has stored this one
 * (dataset-learning.ts, learningAt).
 */
import { count, inArray, max } from "drizzle-orm";
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import type { Database } from "../client";
import { benchmarkRuns } from "../schema";
import { learningAt, learningUnderWay } from "./dataset-learning";
import { loadCachedRunCounts } from "./run-counts";
import {
  assembleSnapshot,
  loadCatalogueTables,
  loadDatasetSnapshot,
  loadSnapshotRuns,
  readCatalogueStamp,
  type CatalogueTables,
  type LoadSnapshotParams,
} from "./snapshot";
import { stampCache } from "./stamp-cache";
import { cachedUntilWrite } from "./version-cache";
import { learnDatasetVersion } from "./version-learning";

const learnedFromByDevices = new WeakMap<DatasetSnapshot["devices"], string>();

/**
 * The snapshot without its runs: devices (with their calibrations), variants and prices,
 * each with provenance — what a page can ship whole, fetching a variant's runs when chosen.
 */
export function loadCachedCatalogue(db: Database): Promise<DatasetSnapshot> {
  return cachedUntilWrite(db, "snapshot:catalogue", async (version) => {
    const tables = await loadKeptCatalogueTables(db);
    const { learning, learnedFrom } = await learningAt(db, version, tables);
    const catalogue = assembleSnapshot(tables, [], learning);
    learnedFromByDevices.set(catalogue.devices, learnedFrom);
    return catalogue;
  });
}

const keptTables = stampCache<CatalogueTables>(1);

/**
 * The catalogue's tables, read again only when they changed: a write drops the cached
 * catalogue, but an upload of runs alone (a new source, new runs) leaves every table it reads
 * as it was, and reading them again cost 6-70 ms of the first plan after a write at 100k runs
 * under load. The stamp (readCatalogueStamp) is one query over a few hundred small rows.
 * Their `titleOf` knows the sources of that time: what the catalogue shows is credited only
 * to those (a later source's runs are read with titles of their own, loadSnapshotRuns).
 */
async function loadKeptCatalogueTables(db: Database): Promise<CatalogueTables> {
  return keptTables(db, "tables", await readCatalogueStamp(db), () => loadCatalogueTables(db));
}

/**
 * The data version whose learning (calibrations, speed model) a catalogue, or a snapshot
 * built on it, holds: its own, or the previous one's while a worker learns it. The snapshot
 * has no field for it, so it is kept here, by the devices array the snapshots built on a
 * catalogue share.
 */
export function learningVersionOf(snapshot: DatasetSnapshot): string | undefined {
  return learnedFromByDevices.get(snapshot.devices);
}

/**
 * loadDatasetSnapshot, cached until the next write. `asOf` (a past price date) is
 * not cached: it is read by no request path. `readVersion`: the data version the request has
 * just read, if it has (cachedUntilWrite).
 */
export async function loadCachedSnapshot(db: Database, params: LoadSnapshotParams = {}, readVersion?: string): Promise<DatasetSnapshot> {
  if (params.asOf !== undefined) return loadDatasetSnapshot(db, params);
  const { variantIds } = params;
  const key = variantIds === undefined ? "*" : JSON.stringify([...new Set(variantIds)].sort());
  return cachedUntilWrite(db, `snapshot:${key}`, async () => {
    const catalogue = await loadCachedCatalogue(db);
    if (variantIds === undefined) return { ...catalogue, runs: await loadSnapshotRuns(db) };
    return { ...catalogue, runs: variantIds.length === 0 ? [] : await loadKeptVariantRuns(db, key, variantIds) };
  }, readVersion);
}

/** Sets of variants whose runs are kept across data versions, per database (the least recently used goes first). */
const keptRuns = stampCache<SnapshotRun[]>(64);

/**
 * The runs of these variants, loaded again only when they changed: a write drops every
 * cached snapshot, but a one-run upload changes the runs of one variant, and the first plan
 * of every other variant after it read its runs again (838 runs: 34-73 ms at 100k under
 * load). Runs are only added (with a higher id: AUTOINCREMENT) or deleted with their source,
 * never changed in place, so their count and highest id (one look-up in
 * benchmark_runs_variant_idx) tell whether the set is the same; their source's title is
 * not changed in place either.
 */
async function loadKeptVariantRuns(db: Database, key: string, variantIds: string[]): Promise<SnapshotRun[]> {
  const [row] = await db
    .select({ runs: count(), last: max(benchmarkRuns.id) })
    .from(benchmarkRuns)
    .where(inArray(benchmarkRuns.variantId, variantIds));
  return keptRuns(db, key, `${row?.runs ?? 0}:${row?.last ?? 0}`, () => loadSnapshotRuns(db, variantIds));
}

/** The runs of one variant, as the engine reads them; null when the dataset has no such variant. */
export async function loadCachedVariantRuns(db: Database, variantId: string): Promise<DatasetSnapshot["runs"] | null> {
  const snapshot = await loadCachedSnapshot(db, { variantIds: [variantId] });
  return snapshot.variants.some((v) => v.id === variantId) ? snapshot.runs : null;
}

interface LearningQueue {
  running: Promise<void> | null;
  next: Promise<void> | null;
}

const queues = new WeakMap<Database, LearningQueue>();

/**
 * Called once a write of the dataset has committed (an upload, a deletion): learns the
 * version it left and stores it with its digest (version-learning.ts), and loads this
 * process's catalogue and run counts, so that the next reader of that version, here or on
 * another server, learns nothing.
 * `elsewhere`, when given, learns and stores the current version off this thread (a worker
 * with its own connection), then its digest; readers that come meanwhile read the previous
 * version's learning and digest (or wait for this one's when none is stored: learningUnderWay),
 * and the catalogue is left to the first of them (one small query once the row is stored).
 * The promise settles when the pass is done.
 * One learning runs at a time: writes that commit meanwhile share the one pass that
 * starts after it (it sees all of them), so n concurrent uploads learn twice, not n times.
 * A failure is not the write's (it has committed): a reader learns what is missing.
 */
export function learnAfterWrite(db: Database, elsewhere?: () => { learned: Promise<void>; checked: Promise<void> }): Promise<void> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { running: null, next: null };
    queues.set(db, queue);
  }
  const q = queue;
  if (q.next) return q.next;
  // Settled when this pass's learning is stored (it may start after the one running now).
  let learnedNow = () => {};
  const learned = new Promise<void>((resolve) => (learnedNow = resolve));
  const start = (): Promise<void> => {
    let work: Promise<unknown>;
    if (elsewhere) {
      const worker = elsewhere();
      void worker.learned.finally(learnedNow).catch(() => undefined);
      // The run counts are in the digest the worker stores: the planner page reads them from there.
      work = worker.checked;
    } else {
      work = learnDatasetVersion(db).then(() => Promise.all([loadCachedCatalogue(db), loadCachedRunCounts(db)]));
    }
    const pass: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => console.error("learning the dataset after a write failed:", error instanceof Error ? error.message : error),
    );
    const running = pass.finally(() => {
      if (q.running === running) q.running = null;
    });
    q.running = running;
    return pass;
  };
  const pass = q.running
    ? (q.next = q.running.then(() => {
        q.next = null;
        return start();
      }))
    : start();
  // Readers of the version this write left wait for its learning rather than learning it themselves.
  if (elsewhere) learningUnderWay(db, { learned: Promise.race([learned, pass]), checked: pass });
  return pass;
}
