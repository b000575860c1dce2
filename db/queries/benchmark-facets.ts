/**
 * The values each run filter can take, with how many runs each would select
 * (lib/benchmarks/facets.ts). Every run grouped by device, variant, runtime,
 * backend, status and source (one scan, tens of thousands of groups at 100k runs) is
 * part of the digest stored with the learning (version-learning.ts); names come from
 * the small catalog tables. Without a stored digest the database groups the runs here.
 */
import { count, eq } from "drizzle-orm";
import { facetsOfCombos, type BenchmarkFacets, type RunCombo } from "@/lib/benchmarks/facets";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";
import { whereBenchmarkFilters } from "./benchmarks";
import { readStoredDigest, type StoredRunCombo } from "./dataset-learning";
import { cachedUntilWrite, filtersKey } from "./version-cache";

export type { BenchmarkFacetKey, BenchmarkFacets, FacetValue } from "@/lib/benchmarks/facets";

/** Every distinct run combination with its run count and the names a facet shows. */
export async function listRunCombos(db: Database): Promise<RunCombo[]> {
  const combos = db
    .select({
      deviceId: benchmarkRuns.deviceId,
      variantId: benchmarkRuns.variantId,
      runtimeId: benchmarkRuns.runtimeId,
      backend: benchmarkRuns.backend,
      status: benchmarkRuns.status,
      sourceId: benchmarkRuns.sourceId,
      runs: count().as("runs"),
    })
    .from(benchmarkRuns)
    .groupBy(
      benchmarkRuns.deviceId,
      benchmarkRuns.variantId,
      benchmarkRuns.runtimeId,
      benchmarkRuns.backend,
      benchmarkRuns.status,
      benchmarkRuns.sourceId,
    )
    .as("combos");
  return db
    .select({
      deviceId: combos.deviceId,
      deviceName: devices.name,
      soc: devices.soc,
      variantId: combos.variantId,
      modelId: variants.modelId,
      modelName: models.name,
      quantization: variants.quantization,
      runtime: runtimes.name,
      backend: combos.backend,
      status: combos.status,
      sourceId: combos.sourceId,
      sourceTitle: sources.title,
      runs: combos.runs,
    })
    .from(combos)
    .innerJoin(devices, eq(devices.id, combos.deviceId))
    .innerJoin(variants, eq(variants.id, combos.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, combos.runtimeId))
    .innerJoin(sources, eq(sources.id, combos.sourceId));
}

/**
 * Every facet of the runs under `filters`, each value with its run count. The combos
 * (one scan of every run) are the same for every filter: computed once per data version;
 * a filter's facets too (at 100k runs there are tens of thousands of combos to walk).
 */
export function listBenchmarkFacets(db: Database, filters: BenchmarkFilters): Promise<BenchmarkFacets> {
  return cachedUntilWrite(db, `facets:${filtersKey(filters)}`, async (version) => {
    // Unfiltered, stored as they are: no combos to read and walk (33,675 at 100k runs).
    if (whereBenchmarkFilters(filters) === undefined) {
      const stored = await readStoredDigest(db, version, "facets", { interim: true });
      if (stored) return stored;
    }
    const combos = await cachedUntilWrite(db, "run-combos", async (version) => {
      // While a worker learns a new version, the previous version's (an interim, as the learning is).
      const stored = await readStoredDigest(db, version, "runCombos", { interim: true });
      return stored ? namedRunCombos(db, stored) : listRunCombos(db);
    });
    return facetsOfCombos(combos, filters);
  });
}

/** Stored combos with the names a facet shows; a combo whose device, variant, runtime or source is gone is left out, as the join would. */
export async function namedRunCombos(db: Database, stored: readonly StoredRunCombo[]): Promise<RunCombo[]> {
  const [deviceRows, variantRows, modelRows, runtimeRows, sourceRows] = await Promise.all([
    db.select({ id: devices.id, name: devices.name, soc: devices.soc }).from(devices),
    db.select({ id: variants.id, modelId: variants.modelId, quantization: variants.quantization }).from(variants),
    db.select({ id: models.id, name: models.name }).from(models),
    db.select({ id: runtimes.id, name: runtimes.name }).from(runtimes),
    db.select({ id: sources.id, title: sources.title }).from(sources),
  ]);
  const byId = <T extends { id: string | number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [deviceOf, variantOf, modelOf, runtimeOf, sourceOf] = [byId(deviceRows), byId(variantRows), byId(modelRows), byId(runtimeRows), byId(sourceRows)];
  const combos: RunCombo[] = [];
  for (const [deviceId, variantId, runtimeId, backend, status, sourceId, runs] of stored) {
    const device = deviceOf.get(deviceId);
    const variant = variantOf.get(variantId);
    const model = variant && modelOf.get(variant.modelId);
    const runtime = runtimeOf.get(runtimeId);
    const source = sourceOf.get(sourceId);
    if (!device || !variant || !model || !runtime || !source) continue;
    combos.push({
      deviceId,
      deviceName: device.name,
      soc: device.soc,
      variantId,
      modelId: variant.modelId,
      modelName: model.name,
      quantization: variant.quantization,
      runtime: runtime.name,
      backend,
      status,
      sourceId,
      sourceTitle: source.title,
      runs,
    });
  }
  return combos;
}
