/**
 * What a run is read with from the catalogue (its device's, variant's and model's rows), for
 * what is derived from runs and carried from one data version to the next (failing-runs.ts,
 * benchmark-charts.ts, kept-run-pages.ts): while these are the same for every device, variant
 * and model still there, what was derived from a run still holds.
 */
import { max } from "drizzle-orm";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, sources, variants } from "../schema";
import { cachedUntilWrite } from "./version-cache";

/** Each device's, variant's and model's facts a run's checks, filters and chart points read, by "kind:id". A few hundred rows. */
async function readRunCatalogueFacts(db: Database): Promise<Map<string, string>> {
  const [deviceRows, variantRows, modelRows] = await Promise.all([
    db.select({ id: devices.id, name: devices.name, soc: devices.soc, bandwidth: devices.memoryBandwidthGBps, battery: devices.batteryWh }).from(devices),
    db.select({ id: variants.id, modelId: variants.modelId, quantization: variants.quantization, sizeGB: variants.sizeGB }).from(variants),
    db.select({ id: models.id, name: models.name, paramsB: models.paramsB, activeParamsB: models.activeParamsB, architecture: models.architecture }).from(models),
  ]);
  const facts = new Map<string, string>();
  for (const d of deviceRows) facts.set(`device:${d.id}`, JSON.stringify([d.name, d.soc, d.bandwidth, d.battery]));
  for (const v of variantRows) facts.set(`variant:${v.id}`, JSON.stringify([v.modelId, v.quantization, v.sizeGB]));
  for (const m of modelRows) facts.set(`model:${m.id}`, JSON.stringify([m.name, m.paramsB, m.activeParamsB, m.architecture]));
  return facts;
}

/**
 * Whether what was derived under `then` holds under `now`: every device, variant and model in
 * both is the same. One only in `then` was deleted with every run of it (a device, variant or
 * model is deleted only when no run uses it: uploads.ts); one only in `now` is new, and only
 * runs added since can use it.
 */
export function sameRunCatalogueFacts(then: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>): boolean {
  for (const [key, facts] of then) {
    const current = now.get(key);
    if (current !== undefined && current !== facts) return false;
  }
  return true;
}

/** What results derived from runs were read under, for carrying them to a later data version. */
export interface RunCarryBasis {
  /** The highest run id then. */
  throughRunId: number;
  sourceIds: Set<number>;
  facts: Map<string, string>;
}

/**
 * The basis of results about to be read, once per data version (version-cache.ts): five queries
 * (the catalogue's three tables, the sources, the highest run id) for the first reader of a
 * version, the version's one cheap query for the others. `readVersion`: the version the caller
 * has just read, if it has.
 *
 * Read before the results: a write meanwhile changes what the next read compares, never what this
 * one holds. A basis kept for version V was read after V was seen, and is handed only to readers
 * that saw V, so it is read no later than any results read after it: correct for any read under V.
 */
export function readRunCarryBasis(db: Database, readVersion?: string): Promise<RunCarryBasis> {
  return cachedUntilWrite(db, "run-carry-basis", () => queryRunCarryBasis(db), readVersion);
}

async function queryRunCarryBasis(db: Database): Promise<RunCarryBasis> {
  const facts = await readRunCatalogueFacts(db);
  const sourceIds = new Set((await db.select({ id: sources.id }).from(sources)).map((s) => s.id));
  const [last] = await db.select({ id: max(benchmarkRuns.id) }).from(benchmarkRuns);
  return { throughRunId: last?.id ?? 0, sourceIds, facts };
}

/**
 * Whether results read under `then` are still right under `now` once the runs above
 * then.throughRunId are taken in: runs are only added with a higher id or deleted with their
 * source (data-version.ts), so while no source read then is gone and the catalogue facts are
 * the same, nothing read then has changed.
 */
export function carriesOver(then: RunCarryBasis, now: RunCarryBasis): boolean {
  return sameRunCatalogueFacts(then.facts, now.facts) && [...then.sourceIds].every((id) => now.sourceIds.has(id));
}
