import { describe, expect, it } from "vitest";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { CURRENT_SCENARIO_VERSION, migrateScenarioDocument, readStoredScenario } from "@/lib/share/stored-scenario";
import { fixtureScenario } from "../plan-view/fixture";

describe("readStoredScenario", () => {
  it("reads a current-version document as the schema parses it", () => {
    const stored = JSON.parse(JSON.stringify(fixtureScenario())) as unknown;
    expect(readStoredScenario(stored)).toEqual(scenarioSchema.parse(stored));
  });

  it("fills the defaults of fields a document saved without them lacks", () => {
    // A v1 document from before `costs` and `constraints` were written out in full.
    const old = { version: 1, edge: { variant: "v1" }, cloud: { price: "p/model" } };
    const read = readStoredScenario(old);
    expect(read.costs.setupUsd).toEqual({ cloudOnly: 3000, edgeOnly: 50_000, hybrid: 25_000 });
    expect(read.constraints.usableRamFraction).toBe(0.5);
  });

  it("refuses a document from a newer planner instead of misreading it", () => {
    expect(() => readStoredScenario({ ...fixtureScenario(), version: CURRENT_SCENARIO_VERSION + 1 })).toThrow(/newer than this planner/);
  });

  it("refuses a document without a version", () => {
    expect(() => migrateScenarioDocument({ name: "x" })).toThrow();
    expect(() => migrateScenarioDocument(null)).toThrow();
  });
});

describe("migrateScenarioDocument", () => {
  it("leaves a current-version document as it is, unknown fields and all, for the schema to judge", () => {
    const doc = { version: CURRENT_SCENARIO_VERSION, name: "n", extra: true };
    expect(migrateScenarioDocument(doc)).toEqual(doc);
  });
});
