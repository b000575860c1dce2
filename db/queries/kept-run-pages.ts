/**
 * Pages of the run list kept per query and carried from one data version to the next
 * (carried-run-reads.ts): the page now is the one read with the runs added since merged in
 * (lib/benchmarks/run-order.ts): one look-up of the added runs, not a walk of every selected run
 * in the list's order (50-370 ms for a page of 1,000 at 100k runs).
 */
import { and, gt, lte } from "drizzle-orm";
import { pageWithAdded, runListOrder } from "@/lib/benchmarks/run-order";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns } from "../schema";
import type { ListBenchmarkRunsParams } from "./benchmarks";
import { ADDED_RUNS, keptAcrossWrites } from "./carried-run-reads";
import { filtersKey } from "./version-cache";

/**
 * Rows kept per database, over all its pages (the least recently used page goes first): about
 * 20 MB of rows with their facts (a page of the API's 1,000 is ≈ 1 MB in memory).
 */
const MAX_KEPT_ROWS = 20_000;
const carriedPage = keptAcrossWrites<unknown[]>(MAX_KEPT_ROWS, (rows) => rows.length);

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
  const key = `${queries.kind}:${filtersKey(params)}:${JSON.stringify([params.sort ?? null, params.order ?? null, params.limit, params.offset])}`;
  const rows = await carriedPage(db, key, {
    // Read again, it may hold runs above the basis' highest id, added meanwhile; pageWithAdded does not add those twice.
    read: () => queries.page(db, params),
    withAdded: async (before, afterRunId, throughRunId) => {
      // The ids first, by the key alone: an index range, whatever the filter.
      const ids = await db
        .select({ id: benchmarkRuns.id })
        .from(benchmarkRuns)
        .where(and(gt(benchmarkRuns.id, afterRunId), lte(benchmarkRuns.id, throughRunId)))
        .limit(ADDED_RUNS + 1);
      if (ids.length > ADDED_RUNS) return null;
      const added = await queries.added(db, params, ids.map((r) => r.id));
      return pageWithAdded(before as T[], added, queries.runOf, runListOrder(params.sort, params.order), params.offset, params.limit);
    },
  });
  return rows as T[];
}
