import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sources } from "./sources";

/**
 * Cloud prices in USD per 1M tokens. Each row is one version of a model's price
 * at a provider from its effective date on; new versions are added, never overwritten.
 */
export const cloudPrices = sqliteTable(
  "cloud_prices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** list: a version of the provider's price; quote: a document's claim (lib/schemas/benchmark-file.ts). */
    kind: text("kind", { enum: ["list", "quote"] }).notNull().default("list"),
    provider: text("provider").notNull(),
    modelKey: text("model_key").notNull(),
    name: text("name").notNull(),
    inputUsdPerMTok: real("input_usd_per_mtok"),
    outputUsdPerMTok: real("output_usd_per_mtok").notNull(),
    cachedInputUsdPerMTok: real("cached_input_usd_per_mtok"),
    batchDiscountPct: real("batch_discount_pct"),
    batchInputUsdPerMTok: real("batch_input_usd_per_mtok"),
    batchOutputUsdPerMTok: real("batch_output_usd_per_mtok"),
    cacheWriteUsdPerMTok: real("cache_write_usd_per_mtok"),
    /** JSON array of { aboveInputTokens, inputUsdPerMTok, outputUsdPerMTok?, cachedInputUsdPerMTok? }. */
    longContextJson: text("long_context_json"),
    ttftMs: real("ttft_ms"),
    tokensPerSec: real("tokens_per_sec"),
    contextLength: integer("context_length"),
    /** JSON object of metric → score (percent). */
    qualityJson: text("quality_json"),
    effectiveDate: text("effective_date").notNull(),
    effectiveDateBasis: text("effective_date_basis", { enum: ["took-effect", "in-force-on"] }).notNull().default("took-effect"),
    effectiveUntil: text("effective_until"),
    status: text("status", { enum: ["measured", "claimed", "estimated"] }).notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("cloud_prices_model_idx").on(t.provider, t.modelKey),
    uniqueIndex("cloud_prices_version_unique").on(t.provider, t.modelKey, t.effectiveDate, t.sourceId),
  ],
);

export type CloudPriceRow = typeof cloudPrices.$inferSelect;

/**
 * A source's figures for a cloud model that its price rows lack (quality
 * scores, first-token time, output speed), keyed like a price: provider and
 * modelKey. Read beside the price, each figure with this row's source and status.
 */
export const cloudFacts = sqliteTable(
  "cloud_facts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    modelKey: text("model_key").notNull(),
    ttftMs: real("ttft_ms"),
    tokensPerSec: real("tokens_per_sec"),
    /** JSON object of metric → score (percent). */
    qualityJson: text("quality_json"),
    status: text("status", { enum: ["measured", "claimed", "estimated"] }).notNull(),
    measuredAt: text("measured_at"),
    notes: text("notes"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
  },
  (t) => [index("cloud_facts_model_idx").on(t.provider, t.modelKey)],
);

export type CloudFactRow = typeof cloudFacts.$inferSelect;
