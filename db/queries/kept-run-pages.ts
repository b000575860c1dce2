/**
 * Pages of the run list kept per query and carried from one data version to the next: runs are
 * only added with a higher id or deleted with their source (data-version.ts), so while no source
 * a page was read with is gone and the catalogue facts its rows show are the same
 * (run-catalogue-facts.ts), the page now is the one read with the runs added since merged in
 * (lib/benchmarks/run-order.ts): one look-up of the added runs, not a walk of every selected run
 * in the list's order (50-370 ms for a page of 1,000 at 100k runs).
 */
import { and, gt, lte } from "drizzle-orm";
import { pageWithAdded, runListOrder } from "@/lib/benchmarks/run-order";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns } from "../schema";
import type { ListBenchmarkRunsParams } from "./benchmarks";
import { carriesOver, readRunCarryBasis, type RunCarryBasis } from "./run-catalogue-facts";
import { filtersKey } from "./version-cache";

interface KeptPage {
  rows: unknown[];
  basis: RunCarryBasis;
}

/**
 * Rows kept per database, over all its pages (the least recently used page goes first): about
 * 20 MB of rows with their facts (a page of the API's 1,000 is ≈ 1 MB in memory).
 */
const MAX_KEPT_ROWS = 20_000;
const keptByDatabase = new WeakMap<Database, { pages: Map<string, KeptPage>; rows: number }>();

/** Runs added since a page was read, looked up at most: more have it read again. */
const ADDED_ROWS = 2_000;

/** A page, and the runs among `ids` the list's filter selects, as one kind of row. */
export interface RunPageQueries<T> {
  /** A name for the kind of row (pages of different kinds are kept apart). */
  kind: string;
  page: (db: Database, params: ListBenchmarkRunsParams) => Promise<T[]>;
  added: (db: Database, params: ListBenchmarkRunsParams, ids: readonly number[]) => Promise<T[]>;
  runOf: (row: T) => BenchmarkRunResponse;
}

/** One page of the run list, carried from the last version it was read at where it can be (else read again). */
export async function keptRunPage<T>(db: Database, params: ListBenchmarkRunsParams, queries: RunPageQueries<T>): Promise<T[]> {
  let kept = keptByDatabase.get(db);
  if (!kept) {
    kept = { pages: new Map(), rows: 0 };
    keptByDatabase.set(db, kept);
  }
  const key = `${queries.kind}:${filtersKey(params)}:${JSON.stringify([params.sort ?? null, params.order ?? null, params.limit, params.offset])}`;
  const basis = await readRunCarryBasis(db);
  const previous = kept.pages.get(key);
  let rows: T[] | null = null;
  if (previous && carriesOver(previous.basis, basis)) {
    const before = previous.rows as T[];
    if (basis.throughRunId <= previous.basis.throughRunId) rows = before;
    else {
      // The ids first, by the key alone: an index range, whatever the filter.
      const ids = await db
        .select({ id: benchmarkRuns.id })
        .from(benchmarkRuns)
        .where(and(gt(benchmarkRuns.id, previous.basis.throughRunId), lte(benchmarkRuns.id, basis.throughRunId)))
        .limit(ADDED_ROWS + 1);
      if (ids.length <= ADDED_ROWS) {
        const added = await queries.added(db, params, ids.map((r) => r.id));
        rows = pageWithAdded(before, added, queries.runOf, runListOrder(params.sort, params.order), params.offset, params.limit);
      }
    }
  }
  // Read again: it may hold runs above the basis' highest id, added meanwhile; pageWithAdded does not add those twice.
  rows ??= await queries.page(db, params);
  if (kept.pages.delete(key)) kept.rows -= previous!.rows.length;
  kept.pages.set(key, { rows, basis: { ...basis, throughRunId: Math.max(basis.throughRunId, previous?.basis.throughRunId ?? 0) } });
  kept.rows += rows.length;
  for (const [k, page] of kept.pages) {
    if (kept.rows <= MAX_KEPT_ROWS || k === key) break;
    kept.pages.delete(k);
    kept.rows -= page.rows.length;
  }
  return rows;
}
