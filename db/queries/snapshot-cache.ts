/**
 * The dataset snapshot the planner reads, loaded once per data version instead of on
 * every request (version-cache.ts): a plan then costs one version query, whatever the
 * size of the dataset. One entry per set of variants, since a plan reads only the runs
 * of its own variant.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Database } from "../client";
import { loadDatasetSnapshot, type LoadSnapshotParams } from "./snapshot";
import { cachedUntilWrite } from "./version-cache";

function keyOf(variantIds: string[] | undefined): string {
  return `snapshot:${variantIds === undefined ? "*" : JSON.stringify([...new Set(variantIds)].sort())}`;
}

/**
 * loadDatasetSnapshot, cached until the next write. `asOf` (a past price date) is
 * not cached: it is read by no request path.
 */
export async function loadCachedSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  if (params.asOf !== undefined) return loadDatasetSnapshot(db, params);
  return cachedUntilWrite(db, keyOf(params.variantIds), () => loadDatasetSnapshot(db, params));
}
