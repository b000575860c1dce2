import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A shared scenario: its inputs and the exact data values it was planned with. */
export const scenarios = sqliteTable("scenarios", {
  /** Short unguessable id (random, base58). */
  id: text("id").primaryKey(),
  version: integer("version").notNull(),
  scenarioJson: text("scenario_json").notNull(),
  /** The DatasetSnapshot values the plan used, so the link shows the same numbers later. */
  dataJson: text("data_json").notNull(),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

export type ScenarioRow = typeof scenarios.$inferSelect;
