/**
 * Whether a scenario can be planned against a dataset: the zod schema first
 * (ranges, share sums, unknown keys), then the dataset ids it names. Both kinds
 * of problem come back as located issues, never as a throw.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { checkReferences, type ScenarioCheck } from "./check-references";
import { issuesFromZod } from "./issues";

export { checkReferences, type ScenarioCheck } from "./check-references";

export function checkScenario(input: unknown, data: DatasetSnapshot): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, input) };
  return checkReferences(parsed.data, data);
}
