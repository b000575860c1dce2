/**
 * Which state of the dataset the database holds, in one cheap query, so that what is
 * derived from the dataset (snapshots, calibrations, facet counts) is computed once
 * per state and not on every request, in whichever process or server made the write.
 *
 * Rows of the dataset's AUTOINCREMENT tables are only ever added with a new id, and
 * `sqlite_sequence` (a few rows) only grows as they are; rows are only ever deleted
 * with their source (deleting an upload), which lowers the count of sources. So the
 * pair changes with every insert and every delete, and never returns to an earlier
 * value. Writing the dataset any other way (an UPDATE in place) must add a source.
 */
import type { Database } from "../client";

/** Shared links (`scenarios`) are not dataset: saving one leaves the version alone. */
const DATASET_TABLES = new Set(["benchmark_runs", "cloud_prices", "quality_scores", "runtimes", "sources"]);

/** sqlite_sequence's rows, and the count of sources as a last row without a name. */
const VERSION_SQL = "select name, seq from sqlite_sequence union all select null, count(*) from sources";

/**
 * "name=seq …" for the dataset's tables in the order of their names, then the count of sources.
 * Read by every request that uses a kept value, so it is one plain statement sent to the client
 * and put together here: drizzle's building of a query on every call, and SQLite's preparing of
 * one that grouped, filtered and ordered the rows itself, were each a quarter of its CPU time.
 */
export async function readDataVersion(db: Pick<Database, "$client">): Promise<string> {
  const { rows } = await db.$client.execute(VERSION_SQL);
  const seqs: [string, unknown][] = [];
  let sources: unknown = 0;
  for (const row of rows) {
    const name = row.name as string | null;
    if (name === null) sources = row.seq;
    else if (DATASET_TABLES.has(name)) seqs.push([name, row.seq]);
  }
  // The names are ASCII: comparing code units is SQLite's binary order.
  seqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${seqs.map(([name, seq]) => `${name}=${String(seq)}`).join(" ")} | sources: ${String(sources ?? 0)}`;
}
