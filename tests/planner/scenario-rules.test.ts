import { describe, expect, it } from "vitest";
import * as rules from "@/lib/planner/scenario-rules";
import * as schema from "@/lib/schemas/scenario";

// The editor repeats these so its first load needs no zod; they must not drift from the schema's.
describe("the editor's copy of the scenario rules", () => {
  it("has the schema's share-sum tolerance", () => {
    expect(rules.SHARE_SUM_TOLERANCE).toBe(schema.SHARE_SUM_TOLERANCE);
  });

  it("keys device classes as the schema does", () => {
    const scenario = schema.scenarioSchema.parse({
      version: 1,
      devices: [
        { device: " samsung-s23 ", share: 0.2 },
        { device: { name: "Budget phone", ramGB: 6, memoryBandwidthGBps: 34, batteryWh: 17 }, share: 0.2 },
        { device: { id: "mine", name: "My phone", ramGB: 8, memoryBandwidthGBps: 51, batteryWh: 15 }, share: 0.2 },
      ],
      edge: { variant: "v" },
      cloud: { price: "p" },
    });
    const refs = scenario.devices.map((d) => d.device);
    expect(refs.map(rules.deviceKeyOf)).toEqual(["samsung-s23", "Budget phone", "mine"]);
    expect(refs.map(rules.deviceKeyOf)).toEqual(refs.map(schema.deviceKeyOf));
  });
});
