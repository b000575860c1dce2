/**
 * Values derived from the dataset, kept until the next write: each read checks the
 * data version (one cheap query, see data-version.ts) and a new version drops every
 * entry of that database. Entries are per database, shared by concurrent requests
 * while they load, frozen (every request reads the same objects), and bounded: the
 * least recently used goes first.
 * An entry whose load read something provisional (`provisionalUntil`: the previous
 * version's learning while a worker learns this one) is dropped once that settles, and
 * so is every entry whose load read it, so the version's final value replaces it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { benchmarkFilterShape, type BenchmarkFilters } from "@/lib/schemas/api";
import type { Database } from "../client";
import { readDataVersion } from "./data-version";

const MAX_ENTRIES = 128;

interface DatabaseCache {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Database, DatabaseCache>();

/** What the load under way has read that is provisional: settled, the entry is stale. */
interface LoadContext {
  until: Promise<unknown> | null;
}

const loading = new AsyncLocalStorage<LoadContext>();
const provisional = new WeakMap<Promise<unknown>, LoadContext>();

/**
 * Says that what the load under way read is provisional until `until` settles: its entry
 * (and the entries of loads that read it) is dropped then, and the next reader loads again.
 */
export function provisionalUntil(until: Promise<unknown>): void {
  const context = loading.getStore();
  if (!context) return;
  const settled = until.then(
    () => undefined,
    () => undefined,
  );
  context.until = context.until ? Promise.all([context.until, settled]) : settled;
}

/** Runs `load` as an entry's load; `drop` once the entry has settled and whatever provisional it read has too. */
function loadEntry<T>(load: () => Promise<T>, drop: () => void): Promise<T> {
  const context: LoadContext = { until: null };
  const entry = loading.run(context, load);
  provisional.set(entry, context);
  entry.then(
    () => void context.until?.then(drop),
    () => undefined,
  );
  return entry;
}

/** `entry`'s value; a load that reads a provisional entry is provisional too. */
function read<T>(entry: Promise<T>): Promise<T> {
  return entry.then((value) => {
    const until = provisional.get(entry)?.until;
    if (until) provisionalUntil(until);
    return value;
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * `load()`'s value for `key` at the database's current data version (handed to `load`).
 * `readVersion`: the version this request has just read (a text answer's load is handed it), so
 * that a request reads it once; when this cache holds another version, it is read again here.
 */
export async function cachedUntilWrite<T>(db: Database, key: string, load: (version: string) => Promise<T>, readVersion?: string): Promise<T> {
  let cache = caches.get(db);
  const version = readVersion !== undefined && cache?.version === readVersion ? readVersion : await readDataVersion(db);
  cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  let entry = cache.entries.get(key) as Promise<T> | undefined;
  if (entry) {
    // Re-inserted: the map's order is the recency order.
    cache.entries.delete(key);
  } else {
    const owner = cache;
    const settled: Promise<T> = loadEntry(
      () => load(version).then(deepFreeze),
      () => owner.entries.get(key) === settled && owner.entries.delete(key),
    );
    entry = settled;
    // A failed load is not kept: the next request tries again.
    settled.catch(() => owner.entries.get(key) === settled && owner.entries.delete(key));
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  cache.entries.set(key, entry);
  return read(entry);
}

/** A cache key part for the filter fields of `params` (other fields, such as paging, left out). */
export function filtersKey(params: BenchmarkFilters): string {
  const keys = Object.keys(benchmarkFilterShape) as (keyof BenchmarkFilters)[];
  return JSON.stringify(keys.map((k) => params[k] ?? null));
}

/** Text answers kept per database (characters, or bytes for an answer kept as bytes; about the same for JSON). */
export const TEXT_CACHE_CHARS = 32 * 1024 * 1024;

type Answer = string | Uint8Array;

interface TextCache {
  version: string;
  /** The map's order is the recency order. */
  entries: Map<string, Promise<Answer>>;
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
export function cachedTextUntilWrite(db: Database, key: string, load: (version: string) => Promise<string>): Promise<string> {
  return cachedAnswerUntilWrite(db, key, load);
}

/**
 * The same for an answer kept as its bytes (UTF-8 JSON): sent as it is, with its length, and
 * kept outside the JavaScript heap, so that a full cache of answers is not copied by the
 * collector. A key names one kind of answer (callers prefix theirs).
 */
export function cachedBytesUntilWrite(db: Database, key: string, load: (version: string) => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  return cachedAnswerUntilWrite(db, key, load);
}

async function cachedAnswerUntilWrite<T extends Answer>(db: Database, key: string, load: (version: string) => Promise<T>): Promise<T> {
  const version = await readDataVersion(db);
  let cache = textCaches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map(), lengths: new Map(), chars: 0 };
    textCaches.set(db, cache);
  }
  const hit = cache.entries.get(key) as Promise<T> | undefined;
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return read(hit);
  }
  const owner = cache;
  const entry: Promise<T> = loadEntry(
    () => load(version),
    () => {
      if (owner.entries.get(key) !== entry) return;
      owner.entries.delete(key);
      owner.chars -= owner.lengths.get(key) ?? 0;
      owner.lengths.delete(key);
    },
  );
  owner.entries.set(key, entry);
  entry.then(
    (answer) => {
      if (owner.entries.get(key) !== entry) return;
      // The key counts too: a plan's key is its request body.
      const length = key.length + (typeof answer === "string" ? answer.length : answer.byteLength);
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
  return read(entry);
}
