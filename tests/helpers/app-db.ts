/**
 * Points the app's own database (getDatabase) at a fresh seeded temporary
 * file, so route handlers can be called directly as Next would call them.
 */
import { createSeededTempDatabase, type TempDatabase } from "./temp-db";

export async function useSeededAppDatabase(): Promise<TempDatabase> {
  const temp = await createSeededTempDatabase();
  process.env.DATABASE_URL = temp.url;
  // The app caches its client on globalThis; drop it so the next call opens this file.
  delete (globalThis as { appDatabase?: unknown }).appDatabase;
  return temp;
}
