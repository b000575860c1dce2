/**
 * The editor's number fields come from the catalogue: each placed field is a scalar
 * of the schema, appears in one section once, in order, and its widget follows from
 * what the schema accepts when the input is empty.
 */
import { describe, expect, it } from "vitest";
import { SCENARIO_PARAMS, type EditorSection } from "@/lib/scenario-params/catalogue";
import { editorFields, editorPaths } from "@/lib/scenario-params/editor-fields";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { schemaLeaves } from "./schema-leaves";

const SECTIONS: EditorSection[] = [
  "traffic",
  "traffic.overTime",
  "cloud.customPrice",
  "cloud.usage",
  "edge.customModel",
  "devices.customPhone",
  "devices.speedOverride",
  "costs",
  "constraints",
];

describe("the editor's fields from the catalogue", () => {
  const all = SECTIONS.flatMap((section) => editorFields(section).map((f) => ({ section, ...f })));

  it("places every field once, each a scalar of the schema, custom only where it is not a number", () => {
    const patterns = all.map((f) => f.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns.sort()).toEqual(Object.keys(SCENARIO_PARAMS).filter((p) => SCENARIO_PARAMS[p]!.editor).sort());
    const leaves = schemaLeaves();
    for (const field of all) {
      const type = leaves.get(field.pattern);
      if (field.widget === "custom") expect(["string", "enum"], field.pattern).toContain(type);
      else expect(type, field.pattern).toBe("number");
    }
  });

  it("orders each section by the catalogue's order, without ties", () => {
    for (const section of SECTIONS) {
      const orders = editorFields(section).map((f) => f.place.order);
      expect(orders.length, section).toBeGreaterThan(0);
      expect(orders, section).toEqual([...new Set(orders)].sort((a, b) => a - b));
    }
    expect(editorPaths("traffic.overTime")).toEqual(["traffic.activeDaysPerMonth", "traffic.monthlyGrowthPct", "horizonMonths"]);
    expect(editorPaths("constraints")).toEqual([
      "constraints.latencyBudgetMs",
      "constraints.latencyTarget",
      "constraints.maxBatteryPctPerUserDay",
      "constraints.usableRamFraction",
      "constraints.bandwidthEfficiency",
      "qualityMetric",
    ]);
  });

  it("gives a field the widget whose empty input the schema accepts", () => {
    const base = { version: 1, edge: { variant: "v" }, cloud: { price: "p" } };
    const widget = (pattern: string) => all.find((f) => f.pattern === pattern)!.widget;
    // Empty latency budget = null (none): the schema takes null there, and not a missing MAU.
    expect(widget("constraints.latencyBudgetMs")).toBe("nullableNumber");
    expect(scenarioSchema.safeParse({ ...base, constraints: { latencyBudgetMs: null } }).success).toBe(true);
    expect(widget("traffic.monthlyActiveUsers")).toBe("number");
    expect(scenarioSchema.safeParse({ ...base, traffic: { monthlyActiveUsers: null } }).success).toBe(false);
    // Empty bandwidth efficiency = left out: the engine learns it (DESIGN.md).
    expect(widget("constraints.bandwidthEfficiency")).toBe("optionalNumber");
    expect(scenarioSchema.parse(base).constraints.bandwidthEfficiency).toBeUndefined();
  });
});
