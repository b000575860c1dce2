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

export type Database = LibSQLDatabase<typeof schema>;

export interface OpenedDatabase {
  db: Database;
  client: Client;
}

/** Opens a database by URL; for file: URLs the folder is created first. */
export function openDatabase(url: string, authToken?: string): OpenedDatabase {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken });
  return { client, db: drizzle(client, { schema }) };
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
