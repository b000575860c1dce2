/**
 * Uploads' data access: the stored rows a file refers to, committing it whole,
 * deleting exactly the rows it added, and the list of uploads. What a file
 * would add and whether it may be stored is decided in lib/use-cases/upload.
 */
import { and, desc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import {
  benchmarkRuns,
  cloudPrices,
  devices,
  models,
  qualityScores,
  documentClaims,
  cloudFacts,
  sources,
  variants,
  type DeviceRow,
  type ModelRow,
  type SourceRow,
  type VariantRow,
} from "../schema";
import { ingestBenchmarkFile, type IngestSummary } from "./ingest";

/** Takes a transaction too: the commit checks again under the write lock. */
export async function findSourceByContentHash(db: Pick<Database, "select">, contentHash: string): Promise<SourceRow | null> {
  const [row] = await db.select().from(sources).where(eq(sources.contentHash, contentHash));
  return row ?? null;
}

export interface StoredReferences {
  devices: DeviceRow[];
  variants: { variant: VariantRow; model: ModelRow }[];
  modelIds: string[];
}

/** The stored devices, variants (with their model) and models among the given ids. */
export async function findReferencesByIds(
  db: Database,
  ids: { deviceIds: string[]; variantIds: string[]; modelIds: string[] },
): Promise<StoredReferences> {
  const [foundDevices, foundVariants, foundModels] = await Promise.all([
    ids.deviceIds.length ? db.select().from(devices).where(inArray(devices.id, ids.deviceIds)) : [],
    ids.variantIds.length
      ? db
          .select({ variant: variants, model: models })
          .from(variants)
          .innerJoin(models, eq(models.id, variants.modelId))
          .where(inArray(variants.id, ids.variantIds))
      : [],
    ids.modelIds.length ? db.select({ id: models.id }).from(models).where(inArray(models.id, ids.modelIds)) : [],
  ]);
  return { devices: foundDevices, variants: foundVariants, modelIds: foundModels.map((m) => m.id) };
}

/**
 * Writes the file without the runs the database already holds; the caller owns the transaction.
 * Whatever kind of source the file calls itself, what arrives through an upload is an upload:
 * that is what makes it listable and deletable (seed and research sources are not).
 */
export async function commitUpload(
  db: Pick<Database, "insert" | "select">,
  file: BenchmarkFile,
  meta: { format: string; contentHash: string; duplicateRows: number[]; runKeys?: readonly string[] },
): Promise<IngestSummary> {
  const skip = new Set(meta.duplicateRows);
  const kept = (_: unknown, i: number) => !skip.has(i);
  const runs = file.runs.filter(kept);
  const runKeys = meta.runKeys?.filter(kept);
  return ingestBenchmarkFile(db, { ...file, source: { ...file.source, kind: "upload" }, runs }, { ...meta, runKeys });
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
    await tx.delete(documentClaims).where(eq(documentClaims.sourceId, sourceId));
    await tx.delete(cloudFacts).where(eq(cloudFacts.sourceId, sourceId));
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
      // The outer row named in full: drizzle writes a lone table's column as a bare "id",
      // which inside the subquery would mean the run's (or price's) own id.
      runs: sql<number>`(select count(*) from ${benchmarkRuns} r where r.source_id = "sources"."id")`,
      prices: sql<number>`(select count(*) from ${cloudPrices} p where p.source_id = "sources"."id")`,
    })
    .from(sources)
    .where(eq(sources.kind, "upload"))
    .orderBy(desc(sources.id));
  return rows;
}
