/**
 * The values each run filter can take, with how many runs each would select
 * (lib/benchmarks/facets.ts). Every run grouped by device, variant, runtime,
 * backend, status and source (one scan, tens of thousands of groups at 100k runs) is
 * part of the digest stored with the learning (version-learning.ts); names come from
 * the small catalog tables. Without a stored digest the database groups the runs here.
 */
import { and, count, eq, gt, lte, max, min, sql, type SQL } from "drizzle-orm";
import { facetsOfCombos, type BenchmarkFacets, type RunCombo } from "@/lib/benchmarks/facets";
import { mergeFigures } from "@/lib/benchmarks/figure-groups";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";
import { whereBenchmarkFilters } from "./benchmarks";
import { readDigestPart, readStoredDigest, readStoredDigestOf, type StoredRunCombo } from "./dataset-learning";
import { cachedUntilWrite, filtersKey } from "./version-cache";

export type { BenchmarkFacetKey, BenchmarkFacets, FacetValue } from "@/lib/benchmarks/facets";

/** Every distinct run combination with its run count, its runs' best figures and the names a facet shows. */
export async function listRunCombos(db: Database): Promise<RunCombo[]> {
  const combos = db
    .select({
      deviceId: benchmarkRuns.deviceId,
      variantId: benchmarkRuns.variantId,
      runtimeId: benchmarkRuns.runtimeId,
      backend: benchmarkRuns.backend,
      status: benchmarkRuns.status,
      sourceId: benchmarkRuns.sourceId,
      ...comboAggregates,
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
  const rows = await db
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
      figureRuns: combos.figureRuns,
      maxDecodeTokensPerSec: combos.maxDecodeTokensPerSec,
      maxPrefillTokensPerSec: combos.maxPrefillTokensPerSec,
      minTtftMs: combos.minTtftMs,
    })
    .from(combos)
    .innerJoin(devices, eq(devices.id, combos.deviceId))
    .innerJoin(variants, eq(variants.id, combos.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, combos.runtimeId))
    .innerJoin(sources, eq(sources.id, combos.sourceId));
  return rows.map(({ figureRuns, maxDecodeTokensPerSec, maxPrefillTokensPerSec, minTtftMs, ...combo }) => ({
    ...combo,
    figures: { runs: figureRuns, maxDecodeTokensPerSec, maxPrefillTokensPerSec, minTtftMs },
  }));
}

/** A combination's run count, and what the charts' figure groups read of its runs (lib/benchmarks/figure-groups.ts). */
const comboAggregates = {
  runs: count().as("runs"),
  figureRuns: sql<number>`count(case when ${benchmarkRuns.decodeTokensPerSec} is not null or ${benchmarkRuns.prefillTokensPerSec} is not null or ${benchmarkRuns.ttftMs} is not null then 1 end)`.as("figure_runs"),
  maxDecodeTokensPerSec: max(benchmarkRuns.decodeTokensPerSec).as("max_decode"),
  maxPrefillTokensPerSec: max(benchmarkRuns.prefillTokensPerSec).as("max_prefill"),
  minTtftMs: min(benchmarkRuns.ttftMs).as("min_ttft"),
};

/** Every distinct combination of the runs' filter fields with its run count and figures, by id (one scan of every run); of the runs `where` selects when given. */
export async function queryStoredRunCombos(db: Database, where?: SQL): Promise<StoredRunCombo[]> {
  const r = benchmarkRuns;
  const rows = await db
    .select({ deviceId: r.deviceId, variantId: r.variantId, runtimeId: r.runtimeId, backend: r.backend, status: r.status, sourceId: r.sourceId, ...comboAggregates })
    .from(r)
    .where(where)
    .groupBy(r.deviceId, r.variantId, r.runtimeId, r.backend, r.status, r.sourceId);
  return rows.map((c) => [
    c.deviceId,
    c.variantId,
    c.runtimeId,
    c.backend,
    c.status,
    c.sourceId,
    c.runs,
    c.figureRuns,
    c.maxDecodeTokensPerSec,
    c.maxPrefillTokensPerSec,
    c.minTtftMs,
  ]);
}

/**
 * Every facet of the runs under `filters`, each value with its run count: unfiltered, as the
 * digest stores them; filtered, from the run combinations (runCombosAt), once per filter and
 * data version.
 */
export function listBenchmarkFacets(db: Database, filters: BenchmarkFilters): Promise<BenchmarkFacets> {
  return cachedUntilWrite(db, `facets:${filtersKey(filters)}`, async (version) => {
    // Unfiltered, stored as they are: no combos to read and walk (33,675 at 100k runs).
    if (whereBenchmarkFilters(filters) === undefined) {
      const stored = await readStoredDigest(db, version, "facets", { interim: true });
      if (stored) return stored;
    }
    return facetsOfCombos(await runCombosAt(db, version), filters);
  });
}

/** Named run combinations and the highest run id they count (null: unknown, so not carried to a later version). */
interface CombosThrough {
  combos: RunCombo[];
  throughRunId: number | null;
}

const keptCombos = new WeakMap<Database, { version: string; combos: Promise<CombosThrough> }>();

/**
 * The run combinations at this data version, kept in memory and carried from one version to
 * the next: the stored ones (2.3 MB of JSON at 100k runs, 14-23 ms to read and parse, then
 * named) are read once, and a write's version only adds the combinations of the runs above
 * the highest id counted and drops those of deleted sources (advanceCombos).
 */
export function runCombosAt(db: Database, version: string): Promise<RunCombo[]> {
  const kept = keptCombos.get(db);
  if (kept?.version === version) return kept.combos.then((c) => c.combos);
  const combos = kept
    ? kept.combos.then(
        (previous) => (previous.throughRunId === null ? storedCombos(db, version) : advanceCombos(db, { combos: previous.combos, throughRunId: previous.throughRunId })),
        () => storedCombos(db, version),
      )
    : storedCombos(db, version);
  const entry = { version, combos };
  keptCombos.set(db, entry);
  // A failed load is not kept: the next reader starts again from what is stored.
  combos.catch(() => keptCombos.get(db) === entry && keptCombos.delete(db));
  return combos.then((c) => c.combos);
}

/**
 * The combinations stored with the digest of this version, or while a worker learns it the
 * previous version's brought up to date (advanceCombos); counted from the runs when none is stored.
 */
async function storedCombos(db: Database, version: string): Promise<CombosThrough> {
  const stored = await readStoredDigestOf(db, version, "runCombos", { interim: true });
  if (!stored) return { combos: await listRunCombos(db), throughRunId: null };
  const combos = await namedRunCombos(db, stored.value);
  const through = await readDigestPart(db, stored.computedFrom, "checkedThroughRunId");
  // Gone meanwhile (a later version's digest replaced it): these combos are right, but how far they count is unknown.
  if (!through) return { combos, throughRunId: null };
  return advanceCombos(db, { combos, throughRunId: through.value });
}

/** A combination's identity: every filter field. */
const comboKey = (c: RunCombo) => `${c.deviceId}\u0000${c.variantId}\u0000${c.runtime}\u0000${c.backend ?? "\u0001"}\u0000${c.status}\u0000${c.sourceId}`;

/**
 * `previous` brought to the database as it is now. Runs are only added with a higher id
 * (AUTOINCREMENT) or deleted with their source (data-version.ts), and a combination includes
 * its source: so the combinations now are the previous ones whose source still exists, plus
 * those of the runs above the highest id counted (an index range of benchmark_runs' key).
 */
async function advanceCombos(db: Database, previous: { combos: RunCombo[]; throughRunId: number }): Promise<CombosThrough> {
  const [last] = await db.select({ id: max(benchmarkRuns.id) }).from(benchmarkRuns);
  const lastId = last?.id ?? 0;
  const sourceIds = new Set((await db.select({ id: sources.id }).from(sources)).map((s) => s.id));
  let combos = previous.combos.every((c) => sourceIds.has(c.sourceId)) ? previous.combos : previous.combos.filter((c) => sourceIds.has(c.sourceId));
  if (lastId > previous.throughRunId) {
    const added = await namedRunCombos(db, await queryStoredRunCombos(db, and(gt(benchmarkRuns.id, previous.throughRunId), lte(benchmarkRuns.id, lastId))));
    if (added.length > 0) {
      combos = combos.slice();
      // An upload's runs come with a source of their own: only combinations of the added runs' sources can match one.
      const addedSources = new Set(added.map((c) => c.sourceId));
      const at = new Map<string, number>();
      combos.forEach((c, i) => addedSources.has(c.sourceId) && at.set(comboKey(c), i));
      for (const combo of added) {
        const i = at.get(comboKey(combo));
        if (i === undefined) combos.push(combo);
        else combos[i] = { ...combos[i]!, runs: combos[i]!.runs + combo.runs, figures: mergeFigures(combos[i]!.figures, combo.figures) };
      }
    }
  }
  return { combos, throughRunId: Math.max(lastId, previous.throughRunId) };
}

/** Stored combos with the names a facet shows; a combo whose device, variant, runtime or source is gone is left out, as the join would. */
export async function namedRunCombos(db: Database, stored: readonly StoredRunCombo[]): Promise<RunCombo[]> {
  const name = await runComboNamer(db);
  const combos: RunCombo[] = [];
  for (const combo of stored) {
    const named = name(combo);
    if (named) combos.push(named);
  }
  return combos;
}

/** Names stored combos from the catalogue as it is now (five small tables read once); null for one whose device, variant, runtime or source is gone. */
export async function runComboNamer(db: Database): Promise<(stored: StoredRunCombo) => RunCombo | null> {
  const [deviceRows, variantRows, modelRows, runtimeRows, sourceRows] = await Promise.all([
    db.select({ id: devices.id, name: devices.name, soc: devices.soc }).from(devices),
    db.select({ id: variants.id, modelId: variants.modelId, quantization: variants.quantization }).from(variants),
    db.select({ id: models.id, name: models.name }).from(models),
    db.select({ id: runtimes.id, name: runtimes.name }).from(runtimes),
    db.select({ id: sources.id, title: sources.title }).from(sources),
  ]);
  const byId = <T extends { id: string | number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [deviceOf, variantOf, modelOf, runtimeOf, sourceOf] = [byId(deviceRows), byId(variantRows), byId(modelRows), byId(runtimeRows), byId(sourceRows)];
  return ([deviceId, variantId, runtimeId, backend, status, sourceId, runs, figureRuns, maxDecodeTokensPerSec, maxPrefillTokensPerSec, minTtftMs]) => {
    const device = deviceOf.get(deviceId);
    const variant = variantOf.get(variantId);
    const model = variant && modelOf.get(variant.modelId);
    const runtime = runtimeOf.get(runtimeId);
    const source = sourceOf.get(sourceId);
    if (!device || !variant || !model || !runtime || !source) return null;
    return {
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
      // A digest stored before the combinations counted their figures has none.
      figures: figureRuns === undefined ? null : { runs: figureRuns, maxDecodeTokensPerSec: maxDecodeTokensPerSec ?? null, maxPrefillTokensPerSec: maxPrefillTokensPerSec ?? null, minTtftMs: minTtftMs ?? null },
    };
  };
}
