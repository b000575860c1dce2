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

export const SCENARIO_PARAM = "s";
export const VIEW_PARAM = "view";
export const RESULT_VIEWS = ["charts", "table", "prices"] as const;
/** Cloud prices picked to plan side by side (`?vs=a,b`). */
export const PICKED_PRICES_PARAM = "vs";
export type ResultView = (typeof RESULT_VIEWS)[number];

/** The API refuses scenario bodies over 256 KB; a link holding more is refused the same way. */
export const MAX_SCENARIO_PARAM_CHARS = 256 * 1024;

export type ScenarioParamResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function encodeScenarioParam(scenario: Scenario): string {
  return JSON.stringify(scenario);
}

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

/**
 * The longest scenario a /plan link carries, URL-encoded. Node refuses a request head over
 * 16 KB with a bare 431; half of it leaves room for the rest of the head (cookies, headers).
 * A longer scenario is shared by its saved id instead (`?from=<share id>`).
 */
export const MAX_LINK_SCENARIO_CHARS = 8 * 1024;
export const FROM_SHARE_PARAM = "from";

export function scenarioParamFitsInLink(encoded: string): boolean {
  return encodeURIComponent(encoded).length <= MAX_LINK_SCENARIO_CHARS;
}

/**
 * A link to the planner opened on this scenario (what "open in editor as a copy" follows);
 * a scenario too long for a link opens from its share id when it has one.
 */
export function planHref(scenario: Scenario, view?: ResultView, shareId?: string): string {
  const encoded = encodeScenarioParam(scenario);
  const params =
    shareId !== undefined && !scenarioParamFitsInLink(encoded)
      ? new URLSearchParams({ [FROM_SHARE_PARAM]: shareId })
      : new URLSearchParams({ [SCENARIO_PARAM]: encoded });
  if (view && view !== "charts") params.set(VIEW_PARAM, view);
  return `/plan?${params.toString()}`;
}

function fail(path: string, message: string): ScenarioParamResult {
  return { ok: false, issues: [{ path, message }] };
}
