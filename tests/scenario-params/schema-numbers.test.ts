/**
 * The scenario schema's numbers are the catalogue's: every number the schema has is
 * an entry with limits and every entry with limits is a number of the schema; each
 * limit is exactly where the schema starts refusing; defaults fill in as written there;
 * and a problem at any limit is said in the field's words and units.
 */
import { describe, expect, it } from "vitest";
import { locatedIssues, wordsForZodError } from "@/lib/planner/issue-words";
import { SCENARIO_PARAMS, type NumberLimits } from "@/lib/scenario-params/catalogue";
import { numberWithDefault, requiredNumber } from "@/lib/scenario-params/schema-numbers";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { withValue } from "./every-form";
import { schemaLeaves } from "./schema-leaves";

/** The problems the schema finds at exactly this path (a tier's share also unbalances the tiers: not counted). */
function issuesAt(pattern: string, value: number) {
  const parsed = scenarioSchema.safeParse(withValue(pattern, value));
  const path = pattern.replaceAll("#", "0");
  return parsed.success ? [] : locatedIssues(parsed.error.issues).filter((i) => i.path.join(".") === path);
}

const limited = Object.entries(SCENARIO_PARAMS).flatMap(([pattern, p]) => (p.limits === undefined ? [] : [[pattern, p.limits] as const]));

/** Just past a limit, far enough that the float differs. */
const below = ({ min, integer }: NumberLimits) => (min > 0 && !integer ? min / 2 : min - 1);
const above = ({ max, integer }: NumberLimits) => (integer ? max + 1 : max + Math.max(Math.abs(max) * 1e-12, 1e-9));

describe("the scenario schema's numbers", () => {
  it("are exactly the catalogue's entries with limits", () => {
    const numbers = [...schemaLeaves()].filter(([, type]) => type === "number").map(([path]) => path);
    expect(numbers.length).toBeGreaterThan(50);
    expect(limited.map(([pattern]) => pattern).sort()).toEqual(numbers.sort());
  });

  it("refuse a value exactly past each of the catalogue's limits, and take the limits themselves", () => {
    for (const [pattern, limits] of limited) {
      const at = (value: number) => issuesAt(pattern, value).map((i) => i.code);
      if (limits.minExclusive) {
        expect(at(limits.min), `${pattern} = its exclusive minimum`).toEqual(["too_small"]);
        expect(at(limits.integer ? limits.min + 1 : limits.min + 1e-9), `${pattern} just above its minimum`).toEqual([]);
      } else {
        expect(at(limits.min), `${pattern} = its minimum`).toEqual([]);
        expect(at(below(limits)), `${pattern} below its minimum`).toEqual(["too_small"]);
      }
      expect(at(limits.max), `${pattern} = its maximum`).toEqual([]);
      expect(at(above(limits)), `${pattern} above its maximum`).toContain("too_big");
      if (limits.integer) expect(at(limits.min + 1.5), `${pattern} not whole`).toEqual(["invalid_type"]);
      expect(at(Number.NaN), `${pattern} NaN`).toEqual(["invalid_type"]);
    }
  });

  it("fill in the catalogue's defaults, null for none, and leave optional ones out", () => {
    const parsed = scenarioSchema.parse({
      version: 1,
      tiers: [{ id: "all", share: 1, inputTokens: 100, outputTokens: 50 }],
      devices: [{ device: { name: "Mine", ramGB: 8 }, share: 0.5 }],
      edge: { variant: "v", runs: [{ device: { name: "Run phone", ramGB: 8 }, decodeTokensPerSec: 10 }] },
      cloud: { price: "p" },
    });
    const at = (pattern: string): unknown =>
      pattern.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key === "#" ? "0" : key], parsed);
    let checked = 0;
    for (const [pattern, param] of Object.entries(SCENARIO_PARAMS)) {
      if (param.limits === undefined || pattern.startsWith("edge.variant.") || pattern.startsWith("cloud.price.")) continue;
      if (param.default !== undefined) expect(at(pattern), pattern).toBe(param.default);
      if (param.optional) expect(at(pattern), pattern).toBeUndefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    // By hand, a few of DESIGN.md's defaults: MAU 50,000, 36 months, hybrid set-up $25,000, no latency budget.
    expect([parsed.traffic.monthlyActiveUsers, parsed.horizonMonths, parsed.costs.setupUsd.hybrid, parsed.constraints.latencyBudgetMs]).toEqual([
      50_000, 36, 25_000, null,
    ]);
  });

  it("are refused at load when the schema expects what the entry does not say", () => {
    expect(() => requiredNumber("traffic.monthlyActiveUsers")).toThrow("traffic.monthlyActiveUsers is default there, required in the schema");
    expect(() => numberWithDefault("cloud.batchShare")).toThrow("cloud.batchShare is optional there, default in the schema");
    expect(() => requiredNumber("traffic.nothing")).toThrow("no limits for traffic.nothing");
  });
});

/** What would read as the schema rather than the person's terms: a dotted path, a camelCase key, zod's phrasing. */
const SCHEMA_PHRASE = /[a-z]\.[a-z]|[a-z][A-Z]|Too (small|big)|expected|Invalid input|>=|<=|\bNaN\b/;

describe("a number past its limit, in words", () => {
  const words = (pattern: string, value: number) => {
    const parsed = scenarioSchema.safeParse(withValue(pattern, value));
    const path = pattern.replaceAll("#", "0");
    return wordsForZodError(parsed.error!, withValue(pattern, value)).filter((i) => i.path === path).map((i) => i.message);
  };

  it("says each limit of the catalogue with the field's label, never the schema's phrases", () => {
    for (const [pattern, limits] of limited) {
      const label = SCENARIO_PARAMS[pattern]!.label!.replace("{n}", "1");
      const cases = [limits.minExclusive ? limits.min : below(limits), above(limits), Number.NaN, ...(limits.integer ? [limits.min + 1.5] : [])];
      for (const value of cases) {
        const [message] = words(pattern, value);
        expect(message, `${pattern} = ${value}`).toBeDefined();
        expect(message!.startsWith(label), `${message} starts with ${label}`).toBe(true);
        expect(message, `${pattern} = ${value}`).not.toMatch(SCHEMA_PHRASE);
      }
    }
  });

  it("states the limit in the unit the field shows", () => {
    // Shares are stored 0..1 and shown in %: above 1 is "100% at most".
    expect(words("cloud.batchShare", 1.5)).toEqual(["Requests sent to the batch API can be 100% at most"]);
    expect(words("horizonMonths", 121)).toEqual(["Horizon can be 120 months at most"]);
    expect(words("horizonMonths", 1.5)).toEqual(["Horizon must be a whole number"]);
    expect(words("constraints.usableRamFraction", 0)).toEqual(["Usable RAM must be more than 0"]);
    expect(words("traffic.monthlyActiveUsers", -1)).toEqual(["Monthly active users can't be negative"]);
    expect(words("devices.#.device.memoryBandwidthGBps", 0)).toEqual(["Phone 1's memory bandwidth must be at least 0.001 GB/s"]);
    expect(words("costs.newInstallSharePerMonth", 2)).toEqual(["New installs can be 100% of users/month at most"]);
    expect(words("cloud.price.longContext.#.aboveInputTokens", 1.5)).toEqual(["Long-prompt price 1's threshold must be a whole number"]);
  });
});
