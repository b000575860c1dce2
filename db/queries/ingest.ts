/**
 * Writes one validated BenchmarkFile into the database under a new source.
 * The caller owns the transaction: the seed and an upload commit whole or not at all.
 */
import * as crypto from "node:crypto";
import { and, eq, inArray, isNull, sql, type Placeholder } from "drizzle-orm";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import {
  benchmarkRuns,
  cloudFacts,
  cloudPrices,
  devices,
  models,
  qualityScores,
  documentClaims,
  runtimes,
  sources,
  variants,
} from "../schema";

/** A transaction handle has the same query API as the database. */
type Writer = Pick<Database, "insert" | "select">;

export interface IngestMeta {
  format: string;
  contentHash?: string;
  /** Each run's runDedupeKey, in the file's order, when the caller has them already (an upload's preview). */
  runKeys?: readonly string[];
}

export interface IngestSummary {
  sourceId: number;
  devicesAdded: number;
  modelsAdded: number;
  variantsAdded: number;
  runsAdded: number;
  pricesAdded: number;
}

const CHUNK = 200;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The embedded driver runs each statement synchronously and its promises settle as
 * microtasks, so a loop of awaited inserts would hold the event loop for a whole
 * upload; a macrotask turn between chunks lets the server answer reads meanwhile.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (const chunk of chunks(rows)) {
    await insert(chunk);
    if (rows.length > CHUNK) await yieldToEventLoop();
  }
}

type RunRow = typeof benchmarkRuns.$inferInsert;

/**
 * Runs go in through one prepared insert of CHUNK rows, and a last shorter chunk through a
 * plain one. Drizzle builds an insert's SQL and wraps every value anew on each call, a
 * fifth of the CPU time of storing 100k runs (scripts/bench-scale.ts); a prepared insert
 * is built once and only fills its placeholders. `toRow` gives every run the same columns.
 */
async function insertRuns<T>(db: Writer, runs: readonly T[], toRow: (run: T, index: number) => RunRow): Promise<void> {
  const full = runs.length - (runs.length % CHUNK);
  if (full > 0) {
    const columns = Object.keys(toRow(runs[0]!, 0)) as (keyof RunRow)[];
    const shape = Array.from({ length: CHUNK }, (_, i) =>
      Object.fromEntries(columns.map((column) => [column, sql.placeholder(`${i}:${column}`)])),
    ) as Record<keyof RunRow, Placeholder>[];
    const insert = db.insert(benchmarkRuns).values(shape).prepare();
    for (let start = 0; start < full; start += CHUNK) {
      const values: Record<string, unknown> = {};
      for (let i = 0; i < CHUNK; i++) {
        const row = toRow(runs[start + i]!, start + i);
        for (const column of columns) values[`${i}:${column}`] = row[column];
      }
      await insert.run(values);
      await yieldToEventLoop();
    }
  }
  if (full < runs.length) await db.insert(benchmarkRuns).values(runs.slice(full).map((run, i) => toRow(run, full + i)));
}

/** The fields that make two runs the same measurement; the runtime by name. */
export interface RunIdentity {
  deviceId: string;
  variantId: string;
  runtime: string;
  backend?: string | null;
  decodeTokensPerSec?: number | null;
  prefillTokensPerSec?: number | null;
  measuredAt?: string | null;
}

/**
 * Node's one-shot hash (20.12 on) is about three times as fast as a Hash object for a
 * string this short, and an upload of 100k runs hashes 100k of them; the same digest.
 */
const sha256Base64url: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "base64url")
    : (text) => crypto.createHash("sha256").update(text).digest("base64url");

/** A run's duplicate key: stored with the run (indexed), computed the same way for a file's runs. */
export function runDedupeKey(r: RunIdentity): string {
  const identity = JSON.stringify([
    r.deviceId,
    r.variantId,
    r.runtime,
    r.backend ?? null,
    r.decodeTokensPerSec ?? null,
    r.prefillTokensPerSec ?? null,
    r.measuredAt ?? null,
  ]);
  return sha256Base64url(identity).slice(0, 22);
}

/**
 * Which of these keys the database already holds: index look-ups, whatever the table's size.
 * The keys travel as one JSON array per chunk (json_each) rather than one bound parameter
 * each, which the query builder would otherwise wrap and check one by one.
 */
export async function existingDedupeKeys(db: Pick<Database, "all">, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks([...new Set(keys)], 2000)) {
    const rows = await db.all<{ key: string }>(
      sql`select distinct ${benchmarkRuns.dedupeKey} as key from ${benchmarkRuns} where ${benchmarkRuns.dedupeKey} in (select value from json_each(${JSON.stringify(chunk)}))`,
    );
    for (const row of rows) found.add(row.key);
    await yieldToEventLoop();
  }
  return found;
}

/**
 * Fills the duplicate key of runs stored before it existed (a database migrated from
 * an earlier version); a no-op once every run has one.
 */
export async function backfillDedupeKeys(db: Pick<Database, "select" | "update" | "transaction">): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .select({
        id: benchmarkRuns.id,
        deviceId: benchmarkRuns.deviceId,
        variantId: benchmarkRuns.variantId,
        runtime: runtimes.name,
        backend: benchmarkRuns.backend,
        decodeTokensPerSec: benchmarkRuns.decodeTokensPerSec,
        prefillTokensPerSec: benchmarkRuns.prefillTokensPerSec,
        measuredAt: benchmarkRuns.measuredAt,
      })
      .from(benchmarkRuns)
      .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
      .where(isNull(benchmarkRuns.dedupeKey))
      .limit(1000);
    if (rows.length === 0) return filled;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx.update(benchmarkRuns).set({ dedupeKey: runDedupeKey(row) }).where(and(eq(benchmarkRuns.id, row.id), isNull(benchmarkRuns.dedupeKey)));
      }
    });
    filled += rows.length;
  }
}

/** Ids among `ids` already present in a table keyed by text id. */
async function existingIds(
  db: Writer,
  table: typeof devices | typeof models | typeof variants,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = new Set<string>();
  for (const chunk of chunks(ids)) {
    const rows = await db.select({ id: table.id }).from(table).where(inArray(table.id, chunk));
    for (const row of rows) found.add(row.id);
  }
  return found;
}

async function runtimeIdsByName(db: Writer, names: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  const map = new Map<string, number>();
  for (const name of unique) {
    const [row] = await db.select({ id: runtimes.id }).from(runtimes).where(eq(runtimes.name, name));
    if (row) {
      map.set(name, row.id);
      continue;
    }
    const [created] = await db.insert(runtimes).values({ name }).returning({ id: runtimes.id });
    if (!created) throw new Error(`could not create runtime ${name}`);
    map.set(name, created.id);
  }
  return map;
}

/**
 * Foreign keys are checked here rather than by SQLite, whose enforcement is a
 * per-connection pragma that a libSQL transaction does not carry: a run naming a
 * device or variant that neither the file nor the database has is refused.
 */
async function assertRunReferencesExist(db: Writer, file: BenchmarkFile): Promise<void> {
  const fileDevices = new Set(file.devices.map((d) => d.id));
  const fileVariants = new Set(file.variants.map((v) => v.id));
  const fileModels = new Set(file.models.map((m) => m.id));
  const wantedDevices = [...new Set(file.runs.map((r) => r.deviceId))].filter((id) => !fileDevices.has(id));
  const wantedVariants = [
    ...new Set([...file.runs.map((r) => r.variantId), ...file.quality.flatMap((q) => q.variantId ?? [])]),
  ].filter((id) => !fileVariants.has(id));
  const wantedModels = [
    ...new Set([
      ...file.variants.map((v) => v.modelId),
      ...file.quality.map((q) => q.modelId),
      ...(file.modelClaims ?? []).flatMap((c) => [c.modelId, ...(c.sameModelAs ? [c.sameModelAs] : [])]),
    ]),
  ].filter((id) => !fileModels.has(id));
  const foundDevices = await existingIds(db, devices, wantedDevices);
  const foundVariants = await existingIds(db, variants, wantedVariants);
  const foundModels = await existingIds(db, models, wantedModels);
  const missing = [
    ...wantedDevices.filter((id) => !foundDevices.has(id)).map((id) => `device "${id}"`),
    ...wantedVariants.filter((id) => !foundVariants.has(id)).map((id) => `variant "${id}"`),
    ...wantedModels.filter((id) => !foundModels.has(id)).map((id) => `model "${id}"`),
  ];
  if (missing.length > 0) {
    throw new Error(`"${file.source.title}" refers to unknown ${missing.join(", ")}`);
  }
}

/**
 * Devices, models and variants already in the database are kept as they are
 * (first source wins); runs, quality scores and prices always belong to the new source.
 */
export async function ingestBenchmarkFile(
  db: Writer,
  file: BenchmarkFile,
  meta: IngestMeta,
): Promise<IngestSummary> {
  const [source] = await db
    .insert(sources)
    .values({
      kind: file.source.kind,
      title: file.source.title,
      url: file.source.url ?? null,
      publishedAt: file.source.publishedAt ?? null,
      notes: file.source.notes ?? null,
      format: meta.format,
      contentHash: meta.contentHash ?? null,
    })
    .returning({ id: sources.id });
  if (!source) throw new Error("could not create the source row");
  const sourceId = source.id;

  const knownDevices = await existingIds(db, devices, file.devices.map((d) => d.id));
  const newDevices = file.devices.filter((d) => !knownDevices.has(d.id));
  await insertInChunks(newDevices, (chunk) =>
    db.insert(devices).values(
      chunk.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        soc: d.soc ?? null,
        os: d.os ?? null,
        ramGB: d.ramGB ?? null,
        ramStatus: d.facts?.ramGB?.status ?? (d.ramGB === undefined ? null : "claimed"),
        ramSource: d.facts?.ramGB?.source ?? null,
        memoryBandwidthGBps: d.memoryBandwidthGBps ?? null,
        memoryBandwidthStatus:
          d.facts?.memoryBandwidthGBps?.status ?? (d.memoryBandwidthGBps === undefined ? null : "claimed"),
        memoryBandwidthSource: d.facts?.memoryBandwidthGBps?.source ?? null,
        batteryWh: d.batteryWh ?? null,
        batteryStatus: d.facts?.batteryWh?.status ?? (d.batteryWh == null ? null : "claimed"),
        batterySource: d.facts?.batteryWh?.source ?? null,
        sourceId,
      })),
    ),
  );

  const knownModels = await existingIds(db, models, file.models.map((m) => m.id));
  const newModels = file.models.filter((m) => !knownModels.has(m.id));
  await insertInChunks(newModels, (chunk) =>
    db.insert(models).values(
      chunk.map((m) => ({
        id: m.id,
        name: m.name,
        family: m.family ?? null,
        paramsB: m.paramsB ?? null,
        activeParamsB: m.activeParamsB ?? null,
        architecture: m.architecture ?? null,
        contextLength: m.contextLength ?? null,
        sourceId,
      })),
    ),
  );

  const knownVariants = await existingIds(db, variants, file.variants.map((v) => v.id));
  const newVariants = file.variants.filter((v) => !knownVariants.has(v.id));
  await insertInChunks(newVariants, (chunk) =>
    db.insert(variants).values(
      chunk.map((v) => ({
        id: v.id,
        modelId: v.modelId,
        quantization: v.quantization,
        sizeGB: v.sizeGB ?? null,
        sizeStatus: v.sizeGB === undefined ? null : v.status,
        sourceId,
      })),
    ),
  );

  const claims = [
    ...(file.costClaims ?? []).map((c) => ({ kind: "cost" as const, subject: c.label, claimJson: JSON.stringify(c), sourceId })),
    ...(file.modelClaims ?? []).map((c) => ({ kind: "model" as const, subject: c.modelId, claimJson: JSON.stringify(c), sourceId })),
  ];
  await insertInChunks(claims, (chunk) => db.insert(documentClaims).values(chunk));

  await insertInChunks(file.quality, (chunk) =>
    db.insert(qualityScores).values(
      chunk.map((q) => ({
        modelId: q.modelId,
        variantId: q.variantId ?? null,
        metric: q.metric,
        score: q.score,
        status: q.status,
        sourceId,
      })),
    ),
  );

  await assertRunReferencesExist(db, file);
  const runtimeIds = await runtimeIdsByName(db, file.runs.map((r) => r.runtime));
  const runKeys = meta.runKeys ?? file.runs.map(runDedupeKey);
  if (runKeys.length !== file.runs.length) throw new Error(`${runKeys.length} duplicate keys for ${file.runs.length} runs`);
  await insertRuns(db, file.runs, (r, i) => ({
    deviceId: r.deviceId,
    variantId: r.variantId,
    runtimeId: runtimeIds.get(r.runtime)!,
    backend: r.backend ?? null,
    status: r.status,
    sourceId,
    decodeTokensPerSec: r.decodeTokensPerSec ?? null,
    prefillTokensPerSec: r.prefillTokensPerSec ?? null,
    ttftMs: r.ttftMs ?? null,
    promptTokens: r.promptTokens ?? null,
    generatedTokens: r.generatedTokens ?? null,
    contextDepthTokens: r.contextDepthTokens ?? null,
    peakMemoryMB: r.peakMemoryMB ?? null,
    weightsMB: r.weightsMB ?? null,
    powerW: r.powerW ?? null,
    batteryDrainPctPer30Min: r.batteryDrainPctPer30Min ?? null,
    throttlePct: r.throttlePct ?? null,
    throttleAfterMin: r.throttleAfterMin ?? null,
    coldStartSec: r.coldStartSec ?? null,
    repetitions: r.repetitions ?? null,
    decodeStddevTokensPerSec: r.decodeStddevTokensPerSec ?? null,
    prefillStddevTokensPerSec: r.prefillStddevTokensPerSec ?? null,
    measuredAt: r.measuredAt ?? null,
    notes: r.notes ?? null,
    dedupeKey: runKeys[i]!,
  }));

  await insertInChunks(file.prices, (chunk) =>
    db.insert(cloudPrices).values(
      chunk.map((p) => ({
        kind: p.kind,
        provider: p.provider,
        modelKey: p.modelKey,
        name: p.name,
        inputUsdPerMTok: p.inputUsdPerMTok ?? null,
        outputUsdPerMTok: p.outputUsdPerMTok,
        cachedInputUsdPerMTok: p.cachedInputUsdPerMTok ?? null,
        batchDiscountPct: p.batchDiscountPct ?? null,
        batchInputUsdPerMTok: p.batchInputUsdPerMTok ?? null,
        batchOutputUsdPerMTok: p.batchOutputUsdPerMTok ?? null,
        cacheWriteUsdPerMTok: p.cacheWriteUsdPerMTok ?? null,
        longContextJson: p.longContext?.length ? JSON.stringify(p.longContext) : null,
        ttftMs: p.ttftMs ?? null,
        tokensPerSec: p.tokensPerSec ?? null,
        contextLength: p.contextLength ?? null,
        qualityJson: p.quality ? JSON.stringify(p.quality) : null,
        effectiveDate: p.effectiveDate,
        effectiveDateBasis: p.effectiveDateBasis,
        effectiveUntil: p.effectiveUntil ?? null,
        status: p.status,
        sourceId,
      })),
    ),
  );

  await insertInChunks(file.cloudFacts, (chunk) =>
    db.insert(cloudFacts).values(
      chunk.map((f) => {
        const slash = f.price.indexOf("/");
        return {
          provider: f.price.slice(0, slash),
          modelKey: f.price.slice(slash + 1),
          ttftMs: f.ttftMs ?? null,
          tokensPerSec: f.tokensPerSec ?? null,
          qualityJson: f.quality && Object.keys(f.quality).length > 0 ? JSON.stringify(f.quality) : null,
          status: f.status,
          measuredAt: f.measuredAt ?? null,
          notes: f.notes ?? null,
          sourceId,
        };
      }),
    ),
  );

  return {
    sourceId,
    devicesAdded: newDevices.length,
    modelsAdded: newModels.length,
    variantsAdded: newVariants.length,
    runsAdded: file.runs.length,
    pricesAdded: file.prices.length,
  };
}
