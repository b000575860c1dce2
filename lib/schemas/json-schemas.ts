/**
 * The JSON Schemas the API serves, generated from the zod schemas it parses with.
 * Kept apart from the schemas themselves, which the browser imports: only the
 * /api/schema routes import this module, so no page's JavaScript carries zod's
 * JSON Schema generator.
 */
import { z } from "zod";
import { benchmarkFileSchema } from "./benchmark-file";
import { scenarioSchema } from "./scenario";

/** The scenario as JSON Schema (what a client may send), served at GET /api/schema/scenario. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}

/** The native benchmark format as JSON Schema, served at GET /api/schema/benchmarks. */
export function benchmarkFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(benchmarkFileSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
