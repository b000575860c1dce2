/**
 * The one migrate entry point: first start, `npm run db:migrate` and the tests
 * all come through here. With --seed-if-empty it also loads the seed dataset
 * into a database that has none.
 */
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { readEnv } from "@/lib/env";
import { openDatabase, type Database } from "./client";
import { backfillDedupeKeys } from "./queries/ingest";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function migrateDatabase(db: Database): Promise<void> {
  await enableWriteAheadLog(db);
  await migrate(db, { migrationsFolder });
  // Runs stored before their duplicate key existed get one (computed in code, as at ingest).
  await backfillDedupeKeys(db);
}

/**
 * Readers keep reading while an upload's transaction is open (ingest lets the server
 * answer between its chunks; in the default rollback journal, a large transaction locks
 * readers out with SQLITE_BUSY once its pages spill to the file). The mode is stored in
 * the database file, so every later connection, in any process, uses it. A libSQL
 * server chooses its own mode, and an in-memory database has none to change.
 */
async function enableWriteAheadLog(db: Database): Promise<void> {
  const [row] = await db.all<{ journal_mode: string }>(sql`pragma journal_mode`);
  if (row && ["delete", "truncate", "persist"].includes(row.journal_mode)) {
    await db.run(sql`pragma journal_mode = wal`);
  }
}

/** The innermost cause's message, on one line: drivers wrap the reason ("Failed query: …") around it. */
export function describeFailure(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.split("\n")[0] ?? message;
}

async function main(): Promise<void> {
  const env = readEnv();
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(db);
    // Imported only when asked, so that migrating (and the tests) need no importers.
    const { isDatasetEmpty, seedDatabase } = await import("./seed");
    if (process.argv.includes("--seed-if-empty") && (await isDatasetEmpty(db))) {
      const summary = await seedDatabase(db);
      console.log(`Seeded ${env.DATABASE_URL}: ${summary}`);
    } else {
      console.log(`Database ${env.DATABASE_URL} is migrated.`);
    }
  } finally {
    client.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`Cannot prepare the database ${process.env.DATABASE_URL ?? "file:data/app.db"}: ${describeFailure(error)}`);
    process.exit(1);
  });
}
