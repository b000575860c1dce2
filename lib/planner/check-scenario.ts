/**
 * Whether a scenario can be planned against a dataset: the zod schema first
 * (ranges, share sums, unknown keys), then the dataset ids it names. Both kinds
 * of problem come back as located issues, never as a throw.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { isUnknownReferenceError, resolveScenario } from "@/lib/model";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { wordsForUnknownReference } from "./issue-words";
import { issuesFromZod, type ScenarioIssue } from "./issues";

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function checkScenario(input: unknown, data: DatasetSnapshot): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, input) };
  return checkReferences(parsed.data, data);
}

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
