/**
 * The dataset snapshot the planner reads, loaded once per data version instead of on
 * every request (version-cache.ts): a plan then costs one version query, whatever the
 * size of the dataset. The whole snapshot is loaded once (calibrating every device once
 * per write, not once per variant asked for); a plan's snapshot is that one narrowed to
 * the runs of its variants, from an index by variant.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Database } from "../client";
import { loadDatasetSnapshot, type LoadSnapshotParams } from "./snapshot";
import { cachedUntilWrite } from "./version-cache";

type SnapshotRun = DatasetSnapshot["runs"][number];

interface WholeSnapshot {
  snapshot: DatasetSnapshot;
  runsByVariant: Map<string, SnapshotRun[]>;
}

function indexRuns(snapshot: DatasetSnapshot): WholeSnapshot {
  const runsByVariant = new Map<string, SnapshotRun[]>();
  for (const run of snapshot.runs) {
    const list = runsByVariant.get(run.variantId);
    if (list) list.push(run);
    else runsByVariant.set(run.variantId, [run]);
  }
  return { snapshot, runsByVariant };
}

/**
 * loadDatasetSnapshot, cached until the next write. `asOf` (a past price date) is
 * not cached: it is read by no request path.
 */
export async function loadCachedSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  if (params.asOf !== undefined) return loadDatasetSnapshot(db, params);
  const whole = await cachedUntilWrite(db, "snapshot:*", async () => indexRuns(await loadDatasetSnapshot(db)));
  const { variantIds } = params;
  if (variantIds === undefined) return whole.snapshot;
  // In the order the loader's variant-index scan gives: by variant id, then as stored.
  const ids = [...new Set(variantIds)].sort();
  return cachedUntilWrite(db, `snapshot:${JSON.stringify(ids)}`, async () => ({
    ...whole.snapshot,
    runs: ids.flatMap((id) => whole.runsByVariant.get(id) ?? []),
  }));
}

/**
 * The snapshot without its runs: devices (with their calibrations), variants and prices,
 * each with provenance — what a page can ship whole, fetching a variant's runs when chosen.
 */
export async function loadCachedCatalogue(db: Database): Promise<DatasetSnapshot> {
  return loadCachedSnapshot(db, { variantIds: [] });
}

/** The runs of one variant, as the engine reads them; null when the dataset has no such variant. */
export async function loadCachedVariantRuns(db: Database, variantId: string): Promise<DatasetSnapshot["runs"] | null> {
  const snapshot = await loadCachedSnapshot(db, { variantIds: [variantId] });
  return snapshot.variants.some((v) => v.id === variantId) ? snapshot.runs : null;
}
