/**
 * The values each run filter can take, with how many runs each would select
 * (lib/benchmarks/facets.ts). The database groups every run by device, variant,
 * runtime, backend, status and source in one scan; names come from the small
 * catalog tables joined to that aggregate.
 */
import { count, eq } from "drizzle-orm";
import { facetsOfCombos, type BenchmarkFacets, type RunCombo } from "@/lib/benchmarks/facets";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";
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
  return cachedUntilWrite(db, `facets:${filtersKey(filters)}`, async () => {
    const combos = await cachedUntilWrite(db, "run-combos", () => listRunCombos(db));
    return facetsOfCombos(combos, filters);
  });
}
