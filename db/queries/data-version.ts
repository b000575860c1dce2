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
const DATASET_TABLES = ["benchmark_runs", "cloud_prices", "quality_scores", "runtimes", "sources"];

const VERSION_SQL = `
  select
    (select group_concat(name || '=' || seq, ' ') from (
      select name, seq from sqlite_sequence where name in (${DATASET_TABLES.map(() => "?").join(", ")}) order by name
    )) as seqs,
    (select count(*) from sources) as n`;

/**
 * Read by every request that uses a kept value, so it goes to the client as one fixed
 * statement: drizzle's building of the query each time was a quarter of its CPU time.
 */
export async function readDataVersion(db: Pick<Database, "$client">): Promise<string> {
  const { rows } = await db.$client.execute({ sql: VERSION_SQL, args: DATASET_TABLES });
  const row = rows[0] as { seqs?: string | null; n?: number } | undefined;
  return `${row?.seqs ?? ""} | sources: ${row?.n ?? 0}`;
}
