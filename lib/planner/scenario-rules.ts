/**
 * Two rules of lib/schemas/scenario.ts the editor applies as people type, repeated
 * here so that the editor's first load does not import the zod schema module
 * (tests/planner/scenario-rules.test.ts holds them equal to the schema's).
 */
import type { DeviceRef } from "@/lib/schemas/scenario";

/** How far from 100 % the tier shares may sum, as the schema allows. */
export const SHARE_SUM_TOLERANCE = 1e-9;

/** A device class's key: the dataset id, or an inline device's id or name (as deviceKeyOf and the engine). */
export function deviceKeyOf(ref: DeviceRef): string {
  return typeof ref === "string" ? ref.trim() : (ref.id ?? ref.name);
}
