/**
 * The database: an embedded libSQL file by default, any libSQL server when
 * DATABASE_URL names one. One client per process (cached on globalThis so dev
 * reloads don't open the file again and again).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { readEnv } from "@/lib/env";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export interface OpenedDatabase {
  db: Database;
  client: Client;
}

/**
 * How long a statement on a file database waits for another connection's (or another
 * process's) write lock before failing with SQLITE_BUSY. Several app servers on one file
 * queue their writes here; an upload's transaction of 100k rows takes seconds.
 */
export const BUSY_TIMEOUT_MS = 30_000;

/** Opens a database by URL; for file: URLs the folder is created first. */
export function openDatabase(url: string, authToken?: string): OpenedDatabase {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  // `timeout` is the busy timeout of every connection the client opens, transactions' included.
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  return { client, db: drizzle(client, { schema }) };
}

/**
 * Puts a file database in write-ahead-log mode (a setting of the file, kept once set):
 * readers no longer wait for a writer, and a writer only for the other writer. A libSQL
 * server manages its own journal, so only file: databases are changed.
 */
export async function enableWriteAheadLog(db: Database): Promise<void> {
  if (db.$client.protocol !== "file") return;
  await db.$client.execute("PRAGMA journal_mode=WAL");
}

const globalForDb = globalThis as unknown as { appDatabase?: OpenedDatabase };

/** The app's database, from DATABASE_URL (default file:data/app.db). */
export function getDatabase(): Database {
  if (!globalForDb.appDatabase) {
    const env = readEnv();
    globalForDb.appDatabase = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  }
  return globalForDb.appDatabase.db;
}
