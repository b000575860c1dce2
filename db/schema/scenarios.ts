import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A shared scenario: its inputs and the exact data values it was planned with. */
export const scenarios = sqliteTable(
  "scenarios",
  {
    /** Short unguessable id (random, base58). */
    id: text("id").primaryKey(),
    version: integer("version").notNull(),
    scenarioJson: text("scenario_json").notNull(),
    /** The DatasetSnapshot values the plan used, so the link shows the same numbers later. */
    dataJson: text("data_json").notNull(),
    /**
     * sha256 of the scenario and data JSON: sharing the same scenario on the same data again
     * answers the stored id instead of storing a copy. Null for links saved before it existed.
     */
    contentHash: text("content_hash"),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [
    uniqueIndex("scenarios_content_hash_idx").on(table.contentHash),
    // The share quota counts the links created in the last day.
    index("scenarios_created_at_idx").on(table.createdAt),
  ],
);

export type ScenarioRow = typeof scenarios.$inferSelect;
