/**
 * The dataset snapshot the planner reads, loaded once per data version (see
 * data-version.ts) instead of on every request: a plan then costs one version query,
 * whatever the size of the dataset. Entries are per database and per set of variants
 * (a plan reads only the runs of its own variant), shared by concurrent requests while
 * they load, and frozen, because every request reads the same objects.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Database } from "../client";
import { readDataVersion } from "./data-version";
import { loadDatasetSnapshot, type LoadSnapshotParams } from "./snapshot";

/** Distinct variant sets kept per database; the least recently used goes first. */
const MAX_ENTRIES = 64;

interface DatabaseCache {
  version: string;
  entries: Map<string, Promise<DatasetSnapshot>>;
}

const caches = new WeakMap<Database, DatabaseCache>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function keyOf(variantIds: string[] | undefined): string {
  return variantIds === undefined ? "*" : JSON.stringify([...new Set(variantIds)].sort());
}

/**
 * loadDatasetSnapshot, cached until the next write. `asOf` (a past price date) is
 * not cached: it is read by no request path.
 */
export async function loadCachedSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  if (params.asOf !== undefined) return loadDatasetSnapshot(db, params);
  const version = await readDataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  const key = keyOf(params.variantIds);
  let entry = cache.entries.get(key);
  if (entry) {
    // Re-inserted: the map's order is the recency order.
    cache.entries.delete(key);
  } else {
    entry = loadDatasetSnapshot(db, params).then(deepFreeze);
    const owner = cache;
    // A failed load is not kept: the next request tries again.
    entry.catch(() => owner.entries.get(key) === entry && owner.entries.delete(key));
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  cache.entries.set(key, entry);
  return entry;
}
