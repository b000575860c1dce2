import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { numberWithinLimits } from "@/lib/planner/limits-check";
import { getIn, setIn, type Path } from "@/lib/planner/set-in";
import { scenarioParam } from "@/lib/scenario-params/catalogue";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";

const dir = join(process.cwd(), "data", "scenarios");
const examples: [string, Scenario][] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, scenarioSchema.parse(JSON.parse(readFileSync(join(dir, f), "utf8")))]);

/** Every number in a scenario, by path. */
function numberPaths(node: unknown, path: Path = []): Path[] {
  if (typeof node === "number") return [path];
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => numberPaths(value, [...path, Array.isArray(node) ? Number(key) : key]));
}

describe("numberWithinLimits", () => {

  it("takes a number within the catalogue's limits and refuses one past them, a fraction of a whole number, or a non-number", () => {
    const mau = ["traffic", "monthlyActiveUsers"];
    expect(numberWithinLimits(mau, 50_000, 90_000)).toBe(true);
    expect(numberWithinLimits(mau, 50_000, 0)).toBe(true);
    expect(numberWithinLimits(mau, 50_000, 10_000_000_000)).toBe(true);
    expect(numberWithinLimits(mau, 50_000, 10_000_000_001)).toBe(false);
    expect(numberWithinLimits(mau, 50_000, -1)).toBe(false);
    expect(numberWithinLimits(mau, 50_000, Number.NaN)).toBe(false);
    expect(numberWithinLimits(mau, 50_000, null)).toBe(false);
    // Horizon: whole months, 1 to 120.
    expect(numberWithinLimits(["horizonMonths"], 36, 12.5)).toBe(false);
    expect(numberWithinLimits(["horizonMonths"], 36, 120)).toBe(true);
    expect(numberWithinLimits(["horizonMonths"], 36, 121)).toBe(false);
  });

  it("leaves to the schema a share (their sums are its rules), a path without limits, and a value that was not a number", () => {
    expect(numberWithinLimits(["tiers", 0, "share"], 1, 0.5)).toBe(false);
    expect(numberWithinLimits(["devices", 1, "share"], 0.2, 0.3)).toBe(false);
    expect(numberWithinLimits(["traffic", "nope"], 1, 2)).toBe(false);
    expect(numberWithinLimits(["traffic", "monthlyActiveUsers"], undefined, 2)).toBe(false);
  });

  it.each(examples)("never takes what the schema refuses, and takes what it accepts but shares, at every number of %s", (_file, scenario) => {
    const paths = numberPaths(scenario);
    expect(paths.length).toBeGreaterThan(10);
    let taken = 0;
    const missed = new Set<string>();
    for (const path of paths) {
      const previous = getIn(scenario, path) as number;
      for (const value of [previous * 2, previous + 0.5, 0, -1, 1, 1e12, previous / 3, Number.MAX_VALUE]) {
        const quick = numberWithinLimits(path, previous, value);
        const zod = scenarioSchema.safeParse(setIn(scenario, path, value)).success;
        const where = `${path.join(".")} = ${value}`;
        if (quick) {
          expect(zod, where).toBe(true);
          taken++;
        } else if (zod && !path.includes("share")) {
          // Agreement the other way too: a number the schema takes is taken here unless its path has no limits in the catalogue.
          missed.add(path.map((k) => (typeof k === "number" ? "#" : k)).join("."));
        }
      }
    }
    expect(taken).toBeGreaterThan(paths.length);
    expect([...missed].filter((p) => scenarioParam(p)?.limits !== undefined)).toEqual([]);
  });
});
