/**
 * The planner's state in its URL, so any view can be copied as a link:
 *
 *   /plan?s=<scenario as compact JSON>&view=table
 *
 * `s` holds the whole scenario (the public plan API's shape, defaults filled in),
 * so a link means the same thing even if a later version changes a default.
 * It is read like a saved scenario: older versions are migrated first, then the
 * same zod schema the API uses validates it. `view` picks the results view.
 * A missing `s` means the page's default scenario.
 */
import { z } from "zod";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { migrateScenarioDocument } from "@/lib/share/stored-scenario";
import { issuesFromZod, type ScenarioIssue } from "./issues";
import { MAX_SCENARIO_PARAM_CHARS, SCENARIO_PARAM } from "./url-params";

export * from "./url-params";

export type ScenarioParamResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function decodeScenarioParam(raw: string): ScenarioParamResult {
  if (raw.length > MAX_SCENARIO_PARAM_CHARS) {
    return fail(SCENARIO_PARAM, `The scenario in the link is ${raw.length} characters long; the limit is ${MAX_SCENARIO_PARAM_CHARS}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(SCENARIO_PARAM, `The scenario in the link is cut off or is not JSON (${detail})`);
  }
  let document: Record<string, unknown>;
  try {
    document = migrateScenarioDocument(json);
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, issues: issuesFromZod(error, json) };
    return fail("version", error instanceof Error ? error.message : String(error));
  }
  const parsed = scenarioSchema.safeParse(document);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, issues: issuesFromZod(parsed.error, document) };
}

function fail(path: string, message: string): ScenarioParamResult {
  return { ok: false, issues: [{ path, message }] };
}
