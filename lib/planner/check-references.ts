/**
 * Whether the dataset ids a parsed scenario names exist: the half of the scenario
 * check (check-scenario.ts) that needs no schema library, so a page can run it
 * on its first load.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { isUnknownReferenceError, resolveScenario } from "@/lib/model";
import type { Scenario } from "@/lib/schemas/scenario";
import { wordsForUnknownReference } from "./issue-words";
import type { ScenarioIssue } from "./issues";

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** The ids a parsed scenario names must exist in the dataset. */
export function checkReferences(scenario: Scenario, data: DatasetSnapshot): ScenarioCheck {
  try {
    resolveScenario(scenario, data);
  } catch (error) {
    if (isUnknownReferenceError(error)) return { ok: false, issues: error.issues.map(wordsForUnknownReference) };
    throw error;
  }
  return { ok: true, scenario };
}
