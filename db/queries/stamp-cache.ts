/**
 * Values kept across data versions while a stamp of what they were read from stays the same:
 * a write drops every value version-cache.ts keeps, but most writes add one upload's runs
 * and leave the rest as it was. The caller reads the stamp (a cheap query that changes
 * whenever the value may) and this reuses the value loaded under the same stamp.
 */
import type { Database } from "../client";

/**
 * A cache of at most `maxEntries` keys per database, the least recently used going first.
 * A failed load is not kept: the next reader tries again.
 */
export function stampCache<T>(maxEntries: number): (db: Database, key: string, stamp: string, load: () => Promise<T>) => Promise<T> {
  const perDatabase = new WeakMap<Database, Map<string, { stamp: string; value: Promise<T> }>>();
  return (db, key, stamp, load) => {
    let kept = perDatabase.get(db);
    if (!kept) {
      kept = new Map();
      perDatabase.set(db, kept);
    }
    const hit = kept.get(key);
    kept.delete(key);
    if (hit?.stamp === stamp) {
      kept.set(key, hit);
      return hit.value;
    }
    const entry = { stamp, value: load() };
    kept.set(key, entry);
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
    const map = kept;
    entry.value.catch(() => map.get(key) === entry && map.delete(key));
    return entry.value;
  };
}
