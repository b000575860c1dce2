/**
 * Uploads: what a validated file would add (the preview), committing it whole,
 * and deleting exactly the rows it added.
 */
import { and, desc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import { calibrate, type DeviceCalibration } from "@/lib/benchmarks/calibration";
import { findingsOfRun } from "@/lib/benchmarks/run-findings";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import {
  benchmarkRuns,
  cloudPrices,
  devices,
  models,
  qualityScores,
  sources,
  variants,
  type SourceRow,
} from "../schema";
import { existingDedupeKeys, ingestBenchmarkFile, runDedupeKey, yieldToEventLoop, type IngestSummary } from "./ingest";

export interface RunWarning {
  /** 0-based index in the file's runs. */
  row: number;
  deviceId: string;
  variantId: string;
  reason: string;
}

export interface UploadPreview {
  newDevices: string[];
  newModels: string[];
  newVariants: string[];
  runs: number;
  /** Runs the database already holds (same device, variant, runtime, backend, speeds and date): not stored again. */
  duplicateRows: number[];
  prices: number;
  warnings: RunWarning[];
  /** This file's measured speed ÷ bandwidth bound, per device and runtime. */
  calibrations: DeviceCalibration[];
}

export async function findSourceByContentHash(db: Database, contentHash: string): Promise<SourceRow | null> {
  const [row] = await db.select().from(sources).where(eq(sources.contentHash, contentHash));
  return row ?? null;
}

export async function previewUpload(db: Database, file: BenchmarkFile): Promise<UploadPreview> {
  const deviceIds = [...new Set([...file.devices.map((d) => d.id), ...file.runs.map((r) => r.deviceId)])];
  const variantIds = [...new Set([...file.variants.map((v) => v.id), ...file.runs.map((r) => r.variantId)])];
  const dbDevices = deviceIds.length ? await db.select().from(devices).where(inArray(devices.id, deviceIds)) : [];
  const dbVariants = variantIds.length
    ? await db
        .select({ variant: variants, model: models })
        .from(variants)
        .innerJoin(models, eq(models.id, variants.modelId))
        .where(inArray(variants.id, variantIds))
    : [];
  const modelIds = file.models.map((m) => m.id);
  const dbModels = modelIds.length ? await db.select({ id: models.id }).from(models).where(inArray(models.id, modelIds)) : [];

  const knownDevices = new Set(dbDevices.map((d) => d.id));
  const knownVariants = new Set(dbVariants.map((v) => v.variant.id));
  const knownModels = new Set(dbModels.map((m) => m.id));

  // Facts for the checks: the database's rows win, as they win at ingest.
  const deviceFacts = new Map(file.devices.map((d) => [d.id, { bw: d.memoryBandwidthGBps ?? null, wh: d.batteryWh ?? null }]));
  for (const d of dbDevices) deviceFacts.set(d.id, { bw: d.memoryBandwidthGBps, wh: d.batteryWh });
  const fileModels = new Map(file.models.map((m) => [m.id, m]));
  const variantFacts = new Map(
    file.variants.map((v) => {
      const m = fileModels.get(v.modelId);
      return [v.id, { sizeGB: v.sizeGB ?? null, paramsB: m?.paramsB ?? null, activeParamsB: m?.activeParamsB ?? null, architecture: m?.architecture ?? null }];
    }),
  );
  for (const { variant: v, model: m } of dbVariants) {
    variantFacts.set(v.id, { sizeGB: v.sizeGB, paramsB: m.paramsB, activeParamsB: m.activeParamsB, architecture: m.architecture });
  }

  const warnings: RunWarning[] = [];
  for (const [row, run] of file.runs.entries()) {
    // A large file's checks take a while: let the server answer other requests meanwhile.
    if (row % 1000 === 999) await yieldToEventLoop();
    const d = deviceFacts.get(run.deviceId);
    const v = variantFacts.get(run.variantId);
    const { findings } = findingsOfRun({
      decodeTokensPerSec: run.decodeTokensPerSec ?? null,
      powerW: run.powerW ?? null,
      batteryDrainPctPer30Min: run.batteryDrainPctPer30Min ?? null,
      backend: run.backend ?? null,
      memoryBandwidthGBps: d?.bw ?? null,
      batteryWh: d?.wh ?? null,
      sizeGB: v?.sizeGB ?? null,
      paramsB: v?.paramsB ?? null,
      activeParamsB: v?.activeParamsB ?? null,
      architecture: v?.architecture ?? null,
    });
    for (const f of findings) {
      if (f.ok === false) warnings.push({ row, deviceId: run.deviceId, variantId: run.variantId, reason: f.reason });
    }
  }

  const keys = file.runs.map(runDedupeKey);
  const existing = await existingDedupeKeys(db, keys);
  const duplicateRows = keys.flatMap((key, i) => (existing.has(key) ? [i] : []));

  return {
    newDevices: file.devices.map((d) => d.id).filter((id) => !knownDevices.has(id)),
    newModels: file.models.map((m) => m.id).filter((id) => !knownModels.has(id)),
    newVariants: file.variants.map((v) => v.id).filter((id) => !knownVariants.has(id)),
    runs: file.runs.length - duplicateRows.length,
    duplicateRows,
    prices: file.prices.length,
    warnings,
    calibrations: calibrate(
      file.runs
        .filter((r) => r.status === "measured")
        .map((r) => {
          const v = variantFacts.get(r.variantId);
          return {
            deviceId: r.deviceId,
            runtime: r.runtime,
            variantId: r.variantId,
            decodeTokensPerSec: r.decodeTokensPerSec ?? null,
            memoryBandwidthGBps: deviceFacts.get(r.deviceId)?.bw ?? null,
            sizeGB: v?.sizeGB ?? null,
            paramsB: v?.paramsB ?? null,
            activeParamsB: v?.activeParamsB ?? null,
            architecture: v?.architecture ?? null,
          };
        }),
    ),
  };
}

/**
 * Writes the file without the runs the database already holds; the caller owns the transaction.
 * Whatever kind of source the file calls itself, what arrives through an upload is an upload:
 * that is what makes it listable and deletable (seed and research sources are not).
 */
export async function commitUpload(
  db: Pick<Database, "insert" | "select">,
  file: BenchmarkFile,
  meta: { format: string; contentHash: string; duplicateRows: number[] },
): Promise<IngestSummary> {
  const skip = new Set(meta.duplicateRows);
  const runs = file.runs.filter((_, i) => !skip.has(i));
  return ingestBenchmarkFile(db, { ...file, source: { ...file.source, kind: "upload" }, runs }, meta);
}

/**
 * Deletes an upload and exactly its rows: its runs, quality scores and prices,
 * and the devices, variants and models it created that nothing else uses.
 */
export async function deleteUpload(db: Database, sourceId: number): Promise<{ runsDeleted: number } | null> {
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(sources).where(eq(sources.id, sourceId));
    if (!source || source.kind !== "upload") return null;
    const deletedRuns = await tx.delete(benchmarkRuns).where(eq(benchmarkRuns.sourceId, sourceId)).returning({ id: benchmarkRuns.id });
    await tx.delete(qualityScores).where(eq(qualityScores.sourceId, sourceId));
    await tx.delete(cloudPrices).where(eq(cloudPrices.sourceId, sourceId));

    const usedVariants = tx.select({ id: benchmarkRuns.variantId }).from(benchmarkRuns);
    // NOT IN over a NULL matches nothing: leave model-level scores (variant NULL) out.
    const scoredVariants = tx.select({ id: qualityScores.variantId }).from(qualityScores).where(isNotNull(qualityScores.variantId));
    await tx
      .delete(variants)
      .where(and(eq(variants.sourceId, sourceId), notInArray(variants.id, usedVariants), notInArray(variants.id, scoredVariants)));
    const usedModels = tx.select({ id: variants.modelId }).from(variants);
    const scoredModels = tx.select({ id: qualityScores.modelId }).from(qualityScores);
    await tx
      .delete(models)
      .where(and(eq(models.sourceId, sourceId), notInArray(models.id, usedModels), notInArray(models.id, scoredModels)));
    const usedDevices = tx.select({ id: benchmarkRuns.deviceId }).from(benchmarkRuns);
    await tx.delete(devices).where(and(eq(devices.sourceId, sourceId), notInArray(devices.id, usedDevices)));

    // What this upload created and other sources' rows still use stays, credited to one of those sources.
    await tx.run(sql`update ${devices} set source_id = (select min(source_id) from ${benchmarkRuns} r where r.device_id = ${devices.id}) where source_id = ${sourceId}`);
    await tx.run(sql`update ${variants} set source_id = coalesce((select min(source_id) from ${benchmarkRuns} r where r.variant_id = ${variants.id}), (select min(source_id) from ${qualityScores} q where q.variant_id = ${variants.id})) where source_id = ${sourceId}`);
    await tx.run(sql`update ${models} set source_id = coalesce((select min(source_id) from ${variants} v where v.model_id = ${models.id}), (select min(source_id) from ${qualityScores} q where q.model_id = ${models.id})) where source_id = ${sourceId}`);
    await tx.delete(sources).where(eq(sources.id, sourceId));
    return { runsDeleted: deletedRuns.length };
  });
}

export interface UploadSummary {
  id: number;
  title: string;
  format: string | null;
  createdAt: string;
  runs: number;
  prices: number;
}

/** Uploads, newest first, with how many runs and prices each added. */
export async function listUploads(db: Database): Promise<UploadSummary[]> {
  const rows = await db
    .select({
      id: sources.id,
      title: sources.title,
      format: sources.format,
      createdAt: sources.createdAt,
      runs: sql<number>`(select count(*) from ${benchmarkRuns} r where r.source_id = ${sources.id})`,
      prices: sql<number>`(select count(*) from ${cloudPrices} p where p.source_id = ${sources.id})`,
    })
    .from(sources)
    .where(eq(sources.kind, "upload"))
    .orderBy(desc(sources.id));
  return rows;
}
