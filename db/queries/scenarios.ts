import { eq } from "drizzle-orm";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";
import { newShareId } from "@/lib/share/share-id";
import type { Database } from "../client";
import { withWriteLock } from "../write-lock";
import { scenarios, type ScenarioRow } from "../schema";

/** Stores a scenario with the data it used under a new unguessable id; never updates one. */
export async function insertSharedScenario(
  db: Database,
  params: { scenario: Scenario; data: DatasetSnapshot },
): Promise<string> {
  const id = newShareId();
  // Queued behind an upload's transaction, which lets other requests run between its
  // chunks: a second writer on the file meanwhile would fail with SQLITE_BUSY.
  await withWriteLock(() =>
    db.insert(scenarios).values({
      id,
      version: params.scenario.version,
      scenarioJson: JSON.stringify(params.scenario),
      dataJson: JSON.stringify(params.data),
    }),
  );
  return id;
}

export async function getSharedScenarioById(db: Database, id: string): Promise<ScenarioRow | null> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
  return row ?? null;
}
