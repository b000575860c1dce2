/**
 * The scenario rules that are plain functions and numbers, apart from the zod
 * schema (scenario.ts re-exports them): the engine and the planner's editor
 * import them from here, so that a page planning in the browser needs no zod
 * until someone edits.
 */
import type { DeviceRef } from "./scenario";

/** 1 + this is the largest sum of shares accepted as "1": shares are typed by people. */
export const SHARE_SUM_TOLERANCE = 1e-9;

/** The key a device class is reported under: its dataset id, or the inline id, else name. */
export function deviceKeyOf(ref: DeviceRef): string {
  return typeof ref === "string" ? ref.trim() : (ref.id ?? ref.name);
}
