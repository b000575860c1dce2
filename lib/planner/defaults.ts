/**
 * The values the scenario schema fills in when a field is left out: what the
 * editor shows as each input's default. Read from the schema itself, so the
 * page can never disagree with the API about a default.
 */
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { defaultIn } from "./default-at";

// The variant and the price have no defaults; placeholders satisfy the schema.
const schemaDefaults: Scenario = scenarioSchema.parse({ version: 1, edge: { variant: "-" }, cloud: { price: "-" } });

/** The schema default at a dotted path ("traffic.monthlyActiveUsers"), or undefined when it has none. */
export function defaultAt(path: string): number | string | null | undefined {
  return defaultIn(schemaDefaults, path);
}

export const SCENARIO_DEFAULTS = schemaDefaults;
