import { integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DEVICE_KINDS } from "../../lib/schemas/benchmark-file";
import { sources } from "./sources";

const statusEnum = ["measured", "claimed", "estimated"] as const;

/** Phones, boards, laptops, desktops and servers. Bandwidth, battery and RAM are facts with their own status and source. */
export const devices = sqliteTable("devices", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: DEVICE_KINDS }).notNull().default("phone"),
  soc: text("soc"),
  os: text("os"),
  ramGB: real("ram_gb"),
  ramStatus: text("ram_status", { enum: statusEnum }),
  ramSource: text("ram_source"),
  memoryBandwidthGBps: real("memory_bandwidth_gbps"),
  memoryBandwidthStatus: text("memory_bandwidth_status", { enum: statusEnum }),
  memoryBandwidthSource: text("memory_bandwidth_source"),
  batteryWh: real("battery_wh"),
  batteryStatus: text("battery_status", { enum: statusEnum }),
  batterySource: text("battery_source"),
  sourceId: integer("source_id")
    .notNull()
    .references(() => sources.id),
});

export const models = sqliteTable("models", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  family: text("family"),
  paramsB: real("params_b"),
  activeParamsB: real("active_params_b"),
  architecture: text("architecture", { enum: ["dense", "moe"] }),
  contextLength: integer("context_length"),
  sourceId: integer("source_id")
    .notNull()
    .references(() => sources.id),
});

/** A model at one quantization, with its file size. */
export const variants = sqliteTable("variants", {
  id: text("id").primaryKey(),
  modelId: text("model_id")
    .notNull()
    .references(() => models.id),
  quantization: text("quantization").notNull(),
  sizeGB: real("size_gb"),
  sizeStatus: text("size_status", { enum: statusEnum }),
  sourceId: integer("source_id")
    .notNull()
    .references(() => sources.id),
});

/** Quality scores are claims of a source: the same model may have several. */
export const qualityScores = sqliteTable("quality_scores", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  modelId: text("model_id")
    .notNull()
    .references(() => models.id),
  variantId: text("variant_id").references(() => variants.id),
  metric: text("metric").notNull(),
  score: real("score").notNull(),
  status: text("status", { enum: statusEnum }).notNull(),
  sourceId: integer("source_id")
    .notNull()
    .references(() => sources.id, { onDelete: "cascade" }),
});

export const runtimes = sqliteTable(
  "runtimes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("runtimes_name_unique").on(t.name)],
);

export type DeviceRow = typeof devices.$inferSelect;
export type ModelRow = typeof models.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type QualityScoreRow = typeof qualityScores.$inferSelect;
