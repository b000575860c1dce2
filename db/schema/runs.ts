import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { devices, runtimes, variants } from "./catalog";
import { sources } from "./sources";

/** One device × variant × runtime measurement (or claim); deleting its source deletes it. */
export const benchmarkRuns = sqliteTable(
  "benchmark_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deviceId: text("device_id")
      .notNull()
      .references(() => devices.id),
    variantId: text("variant_id")
      .notNull()
      .references(() => variants.id),
    runtimeId: integer("runtime_id")
      .notNull()
      .references(() => runtimes.id),
    backend: text("backend"),
    status: text("status", { enum: ["measured", "claimed", "estimated"] }).notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    decodeTokensPerSec: real("decode_tokens_per_sec"),
    prefillTokensPerSec: real("prefill_tokens_per_sec"),
    ttftMs: real("ttft_ms"),
    promptTokens: integer("prompt_tokens"),
    generatedTokens: integer("generated_tokens"),
    /** Tokens already in the context when measured (llama-bench depth); null: an empty context. */
    contextDepthTokens: integer("context_depth_tokens"),
    peakMemoryMB: real("peak_memory_mb"),
    weightsMB: real("weights_mb"),
    powerW: real("power_w"),
    batteryDrainPctPer30Min: real("battery_drain_pct_per_30_min"),
    throttlePct: real("throttle_pct"),
    throttleAfterMin: real("throttle_after_min"),
    coldStartSec: real("cold_start_sec"),
    repetitions: integer("repetitions"),
    decodeStddevTokensPerSec: real("decode_stddev_tokens_per_sec"),
    prefillStddevTokensPerSec: real("prefill_stddev_tokens_per_sec"),
    measuredAt: text("measured_at"),
    notes: text("notes"),
    /**
     * What makes two runs the same measurement (device, variant, runtime, backend,
     * speeds, date), hashed at ingest: an upload's duplicates are found by index.
     */
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    // The run list's default order (device, variant, id: the id is every index's last
    // column) walks this index instead of sorting a device's runs; it serves device filters too.
    index("benchmark_runs_device_variant_idx").on(t.deviceId, t.variantId),
    index("benchmark_runs_variant_idx").on(t.variantId),
    index("benchmark_runs_source_idx").on(t.sourceId),
    // Status filters, and "fastest first" (decode descending, then id) walked in order:
    // at 100k runs the sort of every measured run was ≈190 ms of a 1,000-run page.
    index("benchmark_runs_status_decode_idx").on(t.status, sql`${t.decodeTokensPerSec} desc`),
    // Covers the benchmarks page's filter counts (≈130 → 40 ms at 100k runs).
    index("benchmark_runs_dedupe_idx").on(t.dedupeKey),
    index("benchmark_runs_filters_idx").on(t.deviceId, t.variantId, t.runtimeId, t.backend, t.status, t.sourceId),
  ],
);

export type BenchmarkRunRow = typeof benchmarkRuns.$inferSelect;
export type NewBenchmarkRunRow = typeof benchmarkRuns.$inferInsert;
