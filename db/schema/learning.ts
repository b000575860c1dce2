import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * What the dataset's runs teach (device calibrations, the learned speed model), learned
 * when a write commits and stored under the data version it was learned from
 * (db/queries/data-version.ts), so that no reader — in this process or another server —
 * learns it again. Only the current version's row is kept. The key is text, not an
 * AUTOINCREMENT id: storing a row leaves the data version alone.
 */
export const datasetLearning = sqliteTable("dataset_learning", {
  dataVersion: text("data_version").primaryKey(),
  /** JSON of DatasetLearning (db/queries/dataset-learning.ts). */
  learnedJson: text("learned_json").notNull(),
  learnedAt: text("learned_at").notNull(),
});

/**
 * What one pass over every run derives besides the learning (db/queries/dataset-learning.ts,
 * DatasetDigest), one row per part and data version: a reader reads the part it shows (the
 * run counts are 3 KB, the failing runs 4 MB at 100k runs) and the learning's own row stays
 * small. The previous version's rows are kept until the next version's are stored: readers
 * meanwhile read them as an interim.
 */
export const datasetDigest = sqliteTable(
  "dataset_digest",
  {
    dataVersion: text("data_version").notNull(),
    part: text("part").notNull(),
    json: text("json").notNull(),
    storedAt: text("stored_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataVersion, t.part] })],
);
