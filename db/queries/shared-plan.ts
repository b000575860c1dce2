/**
 * A shared scenario as its link shows it: planned with the data it was saved
 * with, and, beside it, what today's data would change.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Plan } from "@/lib/model";
import { planWithData } from "@/lib/planning/plan-request";
import type { Scenario } from "@/lib/schemas/scenario";
import { diffUsedData, type DataChange } from "@/lib/share/data-changes";
import { isShareId } from "@/lib/share/share-id";
import { readStoredScenario } from "@/lib/share/stored-scenario";
import { snapshotForScenario } from "@/lib/model";
import type { Database } from "../client";
import { getSharedScenarioById } from "./scenarios";
import { loadCachedSnapshot } from "./snapshot-cache";

export interface SharedPlan {
  id: string;
  createdAt: string;
  scenario: Scenario;
  data: DatasetSnapshot;
  plan: Plan;
  /** Values that differ in today's dataset; empty when nothing moved. */
  dataChanges: DataChange[];
}

export async function getSharedPlanById(db: Database, id: string): Promise<SharedPlan | null> {
  if (!isShareId(id)) return null;
  const row = await getSharedScenarioById(db, id);
  if (!row) return null;
  const scenario = readStoredScenario(JSON.parse(row.scenarioJson));
  const data = JSON.parse(row.dataJson) as DatasetSnapshot;
  const plan = planWithData(scenario, data);
  const today = await loadTodaysDataFor(db, scenario);
  return { id: row.id, createdAt: row.createdAt, scenario, data, plan, dataChanges: diffUsedData(data, today) };
}

export async function loadTodaysDataFor(db: Database, scenario: Scenario): Promise<DatasetSnapshot> {
  const variantIds = typeof scenario.edge.variant === "string" ? [scenario.edge.variant.trim()] : [];
  return snapshotForScenario(scenario, await loadCachedSnapshot(db, { variantIds }));
}
