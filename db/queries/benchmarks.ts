import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { BenchmarkRunResponse, GetBenchmarksQuery } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";

function filtersOf(query: GetBenchmarksQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.device) conditions.push(eq(benchmarkRuns.deviceId, query.device));
  if (query.variant) conditions.push(eq(benchmarkRuns.variantId, query.variant));
  if (query.model) conditions.push(eq(variants.modelId, query.model));
  if (query.quantization) conditions.push(eq(variants.quantization, query.quantization));
  if (query.runtime) conditions.push(eq(runtimes.name, query.runtime));
  if (query.backend) conditions.push(eq(benchmarkRuns.backend, query.backend));
  if (query.status) conditions.push(eq(benchmarkRuns.status, query.status));
  const sourceId = query.uploadId ?? query.source;
  if (sourceId !== undefined) conditions.push(eq(benchmarkRuns.sourceId, sourceId));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Runs with their device, variant, runtime and source, filtered and paged in SQL. */
export async function listBenchmarkRuns(
  db: Database,
  query: GetBenchmarksQuery,
): Promise<{ total: number; runs: BenchmarkRunResponse[] }> {
  const where = filtersOf(query);

  const [totalRow] = await db
    .select({ total: count() })
    .from(benchmarkRuns)
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .where(where);

  const rows = await db
    .select({
      run: benchmarkRuns,
      device: { id: devices.id, name: devices.name, soc: devices.soc },
      variant: { id: variants.id, modelId: variants.modelId, quantization: variants.quantization, sizeGB: variants.sizeGB },
      model: { name: models.name, paramsB: models.paramsB },
      runtime: runtimes.name,
      source: { id: sources.id, kind: sources.kind, title: sources.title, url: sources.url },
    })
    .from(benchmarkRuns)
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .innerJoin(sources, eq(sources.id, benchmarkRuns.sourceId))
    .where(where)
    .orderBy(asc(benchmarkRuns.deviceId), asc(benchmarkRuns.variantId), asc(benchmarkRuns.id))
    .limit(query.limit)
    .offset(query.offset);

  return {
    total: totalRow?.total ?? 0,
    runs: rows.map(({ run, device, variant, model, runtime, source }) => ({
      id: run.id,
      status: run.status,
      source,
      device,
      variant: { ...variant, modelName: model.name, paramsB: model.paramsB },
      runtime,
      backend: run.backend,
      metrics: {
        decodeTokensPerSec: run.decodeTokensPerSec,
        prefillTokensPerSec: run.prefillTokensPerSec,
        ttftMs: run.ttftMs,
        promptTokens: run.promptTokens,
        generatedTokens: run.generatedTokens,
        peakMemoryMB: run.peakMemoryMB,
        weightsMB: run.weightsMB,
        powerW: run.powerW,
        batteryDrainPctPer30Min: run.batteryDrainPctPer30Min,
        throttlePct: run.throttlePct,
        throttleAfterMin: run.throttleAfterMin,
        coldStartSec: run.coldStartSec,
        repetitions: run.repetitions,
        decodeStddevTokensPerSec: run.decodeStddevTokensPerSec,
        prefillStddevTokensPerSec: run.prefillStddevTokensPerSec,
      },
      measuredAt: run.measuredAt,
      notes: run.notes,
    })),
  };
}
