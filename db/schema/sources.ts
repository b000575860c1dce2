import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Where rows came from: a seed document, an upload, a pricing feed, research of spec sheets. */
export const sources = sqliteTable("sources", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: ["seed", "upload", "feed", "research"] }).notNull(),
  title: text("title").notNull(),
  url: text("url"),
  /** Detected input format (native, llama-bench, pocketpal, litellm, openrouter). */
  format: text("format"),
  /** sha256 of the file's bytes: the same file twice is recognised and not stored twice. */
  contentHash: text("content_hash").unique(),
  publishedAt: text("published_at"),
  notes: text("notes"),
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

export type SourceRow = typeof sources.$inferSelect;
export type NewSourceRow = typeof sources.$inferInsert;
