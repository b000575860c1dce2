/** A real libSQL database in a temporary file, migrated the way production is. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";

export interface TempDatabase {
  db: Database;
  url: string;
  close: () => void;
}

export async function createTempDatabase(): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "planner-db-"));
  const url = `file:${join(dir, "test.db")}`;
  const { db, client } = openDatabase(url);
  await migrateDatabase(db);
  return {
    db,
    url,
    close: () => {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same with the seed dataset in it (data/), as a first start leaves the app's database. */
export async function createSeededTempDatabase(): Promise<TempDatabase> {
  const temp = await createTempDatabase();
  try {
    await seedDatabase(temp.db);
  } catch (error) {
    temp.close();
    throw error;
  }
  return temp;
}
