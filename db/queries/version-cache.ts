/**
 * Values derived from the dataset, kept until the next write: each read checks the
 * data version (one cheap query, see data-version.ts) and a new version drops every
 * entry of that database. Entries are per database, shared by concurrent requests
 * while they load, frozen (every request reads the same objects), and bounded: the
 * least recently used goes first.
 */
import { benchmarkFilterShape, type BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { readDataVersion } from "./data-version";

const MAX_ENTRIES = 128;

interface DatabaseCache {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Database, DatabaseCache>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** `load()`'s value for `key` at the database's current data version (handed to `load`). */
export async function cachedUntilWrite<T>(db: Database, key: string, load: (version: string) => Promise<T>): Promise<T> {
  const version = await readDataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  let entry = cache.entries.get(key) as Promise<T> | undefined;
  if (entry) {
    // Re-inserted: the map's order is the recency order.
    cache.entries.delete(key);
  } else {
    entry = load(version).then(deepFreeze);
    const owner = cache;
    const settled = entry;
    // A failed load is not kept: the next request tries again.
    settled.catch(() => owner.entries.get(key) === settled && owner.entries.delete(key));
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  cache.entries.set(key, entry);
  return entry;
}

/** A cache key part for the filter fields of `params` (other fields, such as paging, left out). */
export function filtersKey(params: BenchmarkFilters): string {
  const keys = Object.keys(benchmarkFilterShape) as (keyof BenchmarkFilters)[];
  return JSON.stringify(keys.map((k) => params[k] ?? null));
}

/** Text answers kept per database (characters, about bytes for JSON). */
export const TEXT_CACHE_CHARS = 32 * 1024 * 1024;

interface TextCache {
  version: string;
  /** The map's order is the recency order. */
  entries: Map<string, Promise<string>>;
  /** Lengths of the settled entries, and their sum. */
  lengths: Map<string, number>;
  chars: number;
}

const textCaches = new WeakMap<Database, TextCache>();

/**
 * A route's answer as text (its JSON), kept until the next write like cachedUntilWrite
 * but bounded by size: at most TEXT_CACHE_CHARS (keys and answers) per database, the
 * least recently used going first, and an answer over a quarter of that is not kept at all.
 */
export async function cachedTextUntilWrite(db: Database, key: string, load: (version: string) => Promise<string>): Promise<string> {
  const version = await readDataVersion(db);
  let cache = textCaches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map(), lengths: new Map(), chars: 0 };
    textCaches.set(db, cache);
  }
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit;
  }
  const owner = cache;
  const entry = load(version);
  owner.entries.set(key, entry);
  entry.then(
    (text) => {
      if (owner.entries.get(key) !== entry) return;
      // The key counts too: a plan's key is its request body.
      const length = key.length + text.length;
      if (length > TEXT_CACHE_CHARS / 4) {
        owner.entries.delete(key);
        return;
      }
      owner.lengths.set(key, length);
      owner.chars += length;
      for (const k of owner.entries.keys()) {
        if (owner.chars <= TEXT_CACHE_CHARS) break;
        const length = owner.lengths.get(k);
        if (length === undefined) continue; // still loading
        owner.entries.delete(k);
        owner.lengths.delete(k);
        owner.chars -= length;
      }
    },
    // A failed load is not kept: the next request tries again.
    () => owner.entries.get(key) === entry && owner.entries.delete(key),
  );
  return entry;
}
