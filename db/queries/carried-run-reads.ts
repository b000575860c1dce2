/**
 * Values read from the runs (a filter's chart runs, a page of the run list) kept per database and
 * carried from one data version to the next: runs are only added with a higher id or deleted with
 * their source (data-version.ts), so while no source a value was read with is gone and the
 * catalogue facts it shows are the same (run-catalogue-facts.ts), the value now is the one kept
 * with the runs added since taken in: one look-up of those runs, not the value's query again.
 */
import { WeightedLru } from "@/lib/cache/weighted-lru";
import type { Database } from "../client";
import { carriesOver, readRunCarryBasis, type RunCarryBasis } from "./run-catalogue-facts";

/** Runs added since a value was read, looked up at most: more have it read again. */
export const ADDED_RUNS = 2_000;

/** How a value is read from the runs, and brought forward. */
export interface CarriedReads<T> {
  /** The value read again, of the runs up to `throughRunId` at least. */
  read: (throughRunId: number) => Promise<T>;
  /**
   * `previous` with the runs in (afterRunId, throughRunId] taken in: null when it cannot be (more
   * than ADDED_RUNS of them, or a value they change throughout), and then it is read again.
   */
  withAdded: (previous: T, afterRunId: number, throughRunId: number) => Promise<T | null>;
}

interface Kept<T> {
  value: T;
  /** What the value was read under; throughRunId: the highest run id it holds every run up to. */
  basis: RunCarryBasis;
}

/**
 * Values kept per database and key, at most `maxWeight` of `weigh` (one each when not given) per
 * database, the least recently used going first; the reader of one of them.
 */
export function keptAcrossWrites<T>(maxWeight: number, weigh?: (value: T) => number) {
  const keptByDatabase = new WeakMap<Database, WeightedLru<string, Kept<T>>>();
  return async function carried(db: Database, key: string, reads: CarriedReads<T>): Promise<T> {
    let kept = keptByDatabase.get(db);
    if (!kept) {
      kept = new WeightedLru(maxWeight, weigh && ((entry) => weigh(entry.value)));
      keptByDatabase.set(db, kept);
    }
    // Before the value: a write meanwhile changes what the next read compares, never what this one holds.
    const basis = await readRunCarryBasis(db);
    const previous = kept.get(key);
    if (previous && carriesOver(previous.basis, basis)) {
      // No run added; or it was kept meanwhile by a reader of a later version, and stays with the basis it holds.
      if (basis.throughRunId <= previous.basis.throughRunId) return previous.value;
      const value = await reads.withAdded(previous.value, previous.basis.throughRunId, basis.throughRunId);
      if (value) {
        kept.set(key, { value, basis });
        return value;
      }
    }
    // Kept with this basis even where it holds more (a page read again holds the runs added meanwhile):
    // storing a later one's highest id would claim runs a value read up to this one's does not hold.
    const value = await reads.read(basis.throughRunId);
    kept.set(key, { value, basis });
    return value;
  };
}
