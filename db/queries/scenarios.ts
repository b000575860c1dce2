import { eq } from "drizzle-orm";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";
import { newShareId } from "@/lib/share/share-id";
import type { Database } from "../client";
import { scenarios, type ScenarioRow } from "../schema";

/** Stores a scenario with the data it used under a new unguessable id; never updates one. */
export async function insertSharedScenario(
  db: Database,
  params: { scenario: Scenario; data: DatasetSnapshot },
): Promise<string> {
  const id = newShareId();
  await db.insert(scenarios).values({
    id,
    version: params.scenario.version,
    scenarioJson: JSON.stringify(params.scenario),
    dataJson: JSON.stringify(params.data),
  });
  return id;
}

export async function getSharedScenarioById(db: Database, id: string): Promise<ScenarioRow | null> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
  return row ?? null;
}
