/** What the home page shows of the dataset at a glance. */
import { and, count, eq, isNotNull, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { benchmarkRuns, cloudPrices, devices, models, sources, variants } from "../schema";

export interface DatasetSummary {
  devices: number;
  models: number;
  variants: number;
  prices: number;
  runsByStatus: { status: string; runs: number }[];
  runsBySource: { sourceId: number; kind: string; title: string; runs: number }[];
}

export async function getDatasetSummary(db: Database): Promise<DatasetSummary> {
  const [[deviceCount], [modelCount], [variantCount], [priceCount]] = await Promise.all([
    db.select({ n: count() }).from(devices),
    db.select({ n: count() }).from(models),
    db.select({ n: count() }).from(variants),
    db.select({ n: count() }).from(cloudPrices),
  ]);
  const runsByStatus = await db
    .select({ status: benchmarkRuns.status, runs: count() })
    .from(benchmarkRuns)
    .groupBy(benchmarkRuns.status)
    .orderBy(benchmarkRuns.status);
  const runsBySource = await db
    .select({ sourceId: sources.id, kind: sources.kind, title: sources.title, runs: count() })
    .from(benchmarkRuns)
    .innerJoin(sources, eq(sources.id, benchmarkRuns.sourceId))
    .groupBy(sources.id)
    .orderBy(sql`count(*) desc`);
  return {
    devices: deviceCount?.n ?? 0,
    models: modelCount?.n ?? 0,
    variants: variantCount?.n ?? 0,
    prices: priceCount?.n ?? 0,
    runsByStatus,
    runsBySource,
  };
}

export interface DecodeByDeviceAndModel {
  deviceId: string;
  deviceName: string;
  modelId: string;
  modelName: string;
  decodeTokensPerSec: number;
}

/** The best measured decode speed of each model on each device at one quantization. */
export async function getBestDecodeByDeviceAndModel(
  db: Database,
  quantization: string,
): Promise<DecodeByDeviceAndModel[]> {
  const rows = await db
    .select({
      deviceId: devices.id,
      deviceName: devices.name,
      modelId: models.id,
      modelName: models.name,
      decodeTokensPerSec: max(benchmarkRuns.decodeTokensPerSec),
    })
    .from(benchmarkRuns)
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .where(
      and(
        eq(benchmarkRuns.status, "measured"),
        eq(sql`lower(${variants.quantization})`, quantization.toLowerCase()),
        isNotNull(benchmarkRuns.decodeTokensPerSec),
      ),
    )
    .groupBy(devices.id, models.id)
    .orderBy(models.name, devices.name);
  return rows.flatMap((r) => (r.decodeTokensPerSec === null ? [] : [{ ...r, decodeTokensPerSec: r.decodeTokensPerSec }]));
}
