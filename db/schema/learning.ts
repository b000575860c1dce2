import { sqliteTable, text } from "drizzle-orm/sqlite-core";

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
