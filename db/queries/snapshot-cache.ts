/**
 * The dataset snapshot the planner reads, loaded once per data version instead of on
 * every request (version-cache.ts): a plan then costs one version query, whatever the
 * size of the dataset. The catalogue (devices with their calibrations, variants, prices)
 * is loaded once per write, calibrating every device once; runs are loaded per set of
 * variants asked for, since a plan reads only the runs of its own variant.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Database } from "../client";
import { loadDatasetSnapshot, loadSnapshotRuns, type LoadSnapshotParams } from "./snapshot";
import { cachedUntilWrite } from "./version-cache";

/**
 * The snapshot without its runs: devices (with their calibrations), variants and prices,
 * each with provenance — what a page can ship whole, fetching a variant's runs when chosen.
 */
export function loadCachedCatalogue(db: Database): Promise<DatasetSnapshot> {
  return cachedUntilWrite(db, "snapshot:catalogue", () => loadDatasetSnapshot(db, { variantIds: [] }));
}

/**
 * loadDatasetSnapshot, cached until the next write. `asOf` (a past price date) is
 * not cached: it is read by no request path.
 */
export async function loadCachedSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  if (params.asOf !== undefined) return loadDatasetSnapshot(db, params);
  const { variantIds } = params;
  const key = variantIds === undefined ? "*" : JSON.stringify([...new Set(variantIds)].sort());
  return cachedUntilWrite(db, `snapshot:${key}`, async () => {
    const catalogue = await loadCachedCatalogue(db);
    return { ...catalogue, runs: variantIds?.length === 0 ? [] : await loadSnapshotRuns(db, variantIds) };
  });
}

/** The runs of one variant, as the engine reads them; null when the dataset has no such variant. */
export async function loadCachedVariantRuns(db: Database, variantId: string): Promise<DatasetSnapshot["runs"] | null> {
  const snapshot = await loadCachedSnapshot(db, { variantIds: [variantId] });
  return snapshot.variants.some((v) => v.id === variantId) ? snapshot.runs : null;
}
