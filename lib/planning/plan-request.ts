/**
 * One plan request, as the API and the CLI both serve it: validate the
 * scenario, load the dataset values it names, plan. Every failure is an
 * ApiError with located issues, so both callers report it the same way.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { ApiError, issuesOf } from "@/lib/http/errors";
import { isUnknownReferenceError, planScenario, snapshotForScenario, type Plan } from "@/lib/model";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";

/** Loads the dataset, narrowed to the runs of the given variants when they are known. */
export type SnapshotLoader = (params: { variantIds?: string[] }) => Promise<DatasetSnapshot>;

export interface PlannedScenario {
  scenario: Scenario;
  plan: Plan;
  /** The dataset values the plan read (what a share link stores). */
  data: DatasetSnapshot;
}

export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new ApiError("invalid:scenario", "The scenario is invalid", issuesOf(parsed.error));
  return parsed.data;
}

export function planWithData(scenario: Scenario, data: DatasetSnapshot): Plan {
  try {
    return planScenario(scenario, data);
  } catch (error) {
    if (isUnknownReferenceError(error)) {
      throw new ApiError("invalid:scenario", "The scenario names ids the dataset does not have", error.issues);
    }
    throw error;
  }
}

export async function planRequest(input: unknown, loadSnapshot: SnapshotLoader): Promise<PlannedScenario> {
  const scenario = parseScenario(input);
  const variantIds = typeof scenario.edge.variant === "string" ? [scenario.edge.variant.trim()] : [];
  const snapshot = await loadSnapshot({ variantIds });
  const plan = planWithData(scenario, snapshot);
  return { scenario, plan, data: snapshotForScenario(scenario, snapshot) };
}
