import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sources } from "./sources";

/**
 * A document's own figures that are not runs, prices or scores, kept to be checked
 * (lib/plausibility): a cost total with the quantities it comes from, or what the
 * document says a model is. `claimJson` holds the native format's claim
 * (lib/schemas/benchmark-file.ts: costClaimSchema, modelClaimSchema).
 */
export const documentClaims = sqliteTable(
  "document_claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["cost", "model"] }).notNull(),
    /** The model id of a model claim; the label of a cost claim. */
    subject: text("subject").notNull(),
    claimJson: text("claim_json").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [index("document_claims_source_idx").on(t.sourceId)],
);

export type DocumentClaimRow = typeof documentClaims.$inferSelect;
