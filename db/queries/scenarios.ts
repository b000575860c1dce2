import { count, eq, gte } from "drizzle-orm";
import type { Database } from "../client";
import { withWriteLock } from "../write-lock";
import { scenarios, type ScenarioRow } from "../schema";

/**
 * Stores a shared scenario under the given id; a row with the same content hash
 * (sent twice at once) wins and its id is answered instead. Never updates one.
 */
export async function insertSharedScenario(
  db: Database,
  row: { id: string; version: number; scenarioJson: string; dataJson: string; contentHash: string },
): Promise<string> {
  // Queued behind an upload's transaction, which lets other requests run between its
  // chunks: a second writer on the file meanwhile would wait on the file's lock.
  const inserted = await withWriteLock(() =>
    db.insert(scenarios).values(row).onConflictDoNothing({ target: scenarios.contentHash }).returning({ id: scenarios.id }),
  );
  if (inserted[0]) return inserted[0].id;
  const existing = await findSharedScenarioIdByContentHash(db, row.contentHash);
  if (!existing) throw new Error("a shared scenario conflicted on its content hash but cannot be found");
  return existing;
}

export async function findSharedScenarioIdByContentHash(db: Database, contentHash: string): Promise<string | null> {
  const [row] = await db.select({ id: scenarios.id }).from(scenarios).where(eq(scenarios.contentHash, contentHash));
  return row?.id ?? null;
}

export async function getSharedScenarioById(db: Database, id: string): Promise<ScenarioRow | null> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
  return row ?? null;
}

/** Shared scenarios created at or after an ISO instant. */
export async function countSharedScenariosSince(db: Database, sinceIso: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(scenarios).where(gte(scenarios.createdAt, sinceIso));
  return row?.n ?? 0;
}
