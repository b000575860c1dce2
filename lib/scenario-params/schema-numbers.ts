/**
 * The scenario schema's numbers, built from the catalogue's limits and defaults,
 * so that what the schema refuses, the limit a message states and the default
 * the editor shows are one figure. Each builder says what the schema expects of
 * the entry (required, a default, a default of null, optional) and refuses at
 * load an entry that says otherwise: the two cannot drift apart unnoticed.
 */
import { z } from "zod";
import { scenarioParam, type NumberLimits, type ScenarioParam } from "./catalogue";

function entry(pattern: string): ScenarioParam & { limits: NumberLimits } {
  const param = scenarioParam(pattern);
  if (param?.limits === undefined) throw new Error(`scenario parameter catalogue: no limits for ${pattern}`);
  return param as ScenarioParam & { limits: NumberLimits };
}

function limited({ min, max, minExclusive, integer }: NumberLimits): z.ZodNumber {
  const number = integer ? z.number().int() : z.number().finite();
  return (minExclusive ? number.gt(min) : number.min(min)).max(max);
}

function expect(pattern: string, param: ScenarioParam, presence: "required" | "default" | "null" | "optional"): void {
  const has =
    param.optional ? "optional" : param.default === null ? "null" : param.default === undefined ? "required" : "default";
  if (has !== presence) throw new Error(`scenario parameter catalogue: ${pattern} is ${has} there, ${presence} in the schema`);
}

/** A number the scenario must give. */
export function requiredNumber(pattern: string): z.ZodNumber {
  const param = entry(pattern);
  expect(pattern, param, "required");
  return limited(param.limits);
}

/** A number the schema fills in with the catalogue's default when left out. */
export function numberWithDefault(pattern: string): z.ZodDefault<z.ZodNumber> {
  const param = entry(pattern);
  expect(pattern, param, "default");
  return limited(param.limits).default(param.default as number);
}

/** A number or null ("none": no budget, no battery), null when left out. */
export function numberOrNone(pattern: string): z.ZodDefault<z.ZodNullable<z.ZodNumber>> {
  const param = entry(pattern);
  expect(pattern, param, "null");
  return limited(param.limits).nullable().default(null);
}

/** A number that may be left out: the engine then applies its own rule. */
export function optionalNumber(pattern: string): z.ZodOptional<z.ZodNumber> {
  const param = entry(pattern);
  expect(pattern, param, "optional");
  return limited(param.limits).optional();
}
