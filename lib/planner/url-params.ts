/**
 * The planner's URL parameters and how a scenario is written into a link
 * (url-state.ts reads one back). Kept apart from the reading, which needs zod,
 * so that the planner's first load carries no schema library.
 */
import type { Scenario } from "@/lib/schemas/scenario";

export const SCENARIO_PARAM = "s";
export const VIEW_PARAM = "view";
export const RESULT_VIEWS = ["charts", "table", "prices"] as const;
/** Cloud prices picked to plan side by side (`?vs=a,b`). */
export const PICKED_PRICES_PARAM = "vs";
export type ResultView = (typeof RESULT_VIEWS)[number];

/** The API refuses scenario bodies over 256 KB; a link holding more is refused the same way. */
export const MAX_SCENARIO_PARAM_CHARS = 256 * 1024;

export function encodeScenarioParam(scenario: Scenario): string {
  return JSON.stringify(scenario);
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
