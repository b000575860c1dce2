/**
 * The default at a dotted path of a scenario filled with the schema's defaults
 * (defaults.ts builds it with zod on the server; the planner receives it as data,
 * so its first load carries no schema library).
 */
import type { Scenario } from "@/lib/schemas/scenario";

/** The default at a dotted path ("traffic.monthlyActiveUsers"), or undefined when it has none. */
export function defaultIn(defaults: Scenario, path: string): number | string | null | undefined {
  let node: unknown = defaults;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "number" || typeof node === "string" || node === null ? node : undefined;
}
