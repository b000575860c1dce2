/**
 * A number edit the scenario schema is known to accept without running it: the
 * planner's first keystroke replans at once instead of waiting for zod's chunk to
 * load and evaluate (some 150 ms at a 4× slowed CPU). The schema builds each number
 * from the catalogue's limits (lib/scenario-params/schema-numbers.ts), and its only
 * rules across fields are the share sums and the ids (lib/schemas/scenario.ts's
 * superRefine), so a number replacing a number, within its limits, at a path no such
 * rule reads, leaves a valid scenario valid. The planner still runs the schema on
 * every draft before it reaches the address, a share link or the server.
 */
import { paramPattern, scenarioParam } from "@/lib/scenario-params/catalogue";
import type { Path } from "./set-in";

// Read by the schema's cross-field rules (the shares' sums): only the schema can judge them.
const CROSS_FIELD = new Set(["tiers.#.share", "devices.#.share"]);

/** Whether setting `value` where the scenario held `previous` at `path` passes the schema, when the scenario passed before. */
export function numberWithinLimits(path: Path, previous: unknown, value: unknown): boolean {
  if (typeof previous !== "number" || typeof value !== "number" || !Number.isFinite(value)) return false;
  const pattern = paramPattern(path.map(String).join("."));
  if (CROSS_FIELD.has(pattern)) return false;
  const limits = scenarioParam(pattern)?.limits;
  if (!limits) return false;
  if (limits.integer && !Number.isInteger(value)) return false;
  return (limits.minExclusive ? value > limits.min : value >= limits.min) && value <= limits.max;
}
