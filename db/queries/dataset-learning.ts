/**
 * What the runs of the whole dataset teach (calibrations, the learned speed model) is
 * learned when a write commits, not when a reader first asks: at 100k runs it reads
 * every run and takes seconds. `learnAfterWrite` learns the data version the write
 * left and stores it in `dataset_learning`; readers of that version, in this process
 * or in another server on the same database, read the stored row (one small query),
 * and the writer's own process has its catalogue in memory before the write answers.
 * A reader only learns for itself when no writer stored the version it sees (a
 * database written by a seed or an older build, or a writer that died in between).
 */
import { eq, ne } from "drizzle-orm";
import type { Database } from "../client";
import { datasetLearning } from "../schema";
import { withWriteLock } from "../write-lock";
import { readDataVersion } from "./data-version";
import { learnDataset, loadCatalogueTables, type CatalogueTables, type DatasetLearning } from "./snapshot";

/** The learning stored for this data version, or null. */
export async function readStoredLearning(db: Database, version: string): Promise<DatasetLearning | null> {
  const [row] = await db
    .select({ json: datasetLearning.learnedJson })
    .from(datasetLearning)
    .where(eq(datasetLearning.dataVersion, version));
  return row ? (JSON.parse(row.json) as DatasetLearning) : null;
}

/**
 * Stores the learning of `version` and drops every other version's. A version that has
 * moved on meanwhile is not stored: what was learned may mix two states of the data.
 */
async function storeLearning(db: Database, version: string, learning: DatasetLearning): Promise<void> {
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
 * The learning of data version `version`: stored, or learned now and stored. The version
 * is read again after learning; when a write came in between, the result is still this
 * reader's answer (the write's own learning replaces it) but is not stored under `version`.
 */
export async function learningAt(db: Database, version: string, tables?: CatalogueTables): Promise<DatasetLearning> {
  const stored = await readStoredLearning(db, version);
  if (stored) return stored;
  const learning = await learnDataset(db, tables ?? (await loadCatalogueTables(db)));
  await storeLearning(db, version, learning);
  return learning;
}

/**
 * Learns the current version again and replaces what is stored: run at every start, so
 * that a row a previous build stored (its speed model possibly shaped otherwise) is not
 * what this build's readers read.
 */
export async function relearnStoredLearning(db: Database): Promise<void> {
  const version = await readDataVersion(db);
  await storeLearning(db, version, await learnDataset(db, await loadCatalogueTables(db)));
}
