import { describe, expect, it } from "vitest";
import { inputLabel } from "@/lib/plan-view/input-labels";
import { inputsTable } from "@/lib/plan-view/tables";
import { fixturePlan } from "./fixture";

describe("the Data used table", () => {
  const plan = fixturePlan();
  const table = inputsTable(plan);
  const row = (label: string) => table.rows.find((r) => r[0] === label);

  it("names every input as the editor does, never by its path", () => {
    expect(table.rows.length).toBe(Object.keys(plan.inputs).length);
    for (const [label] of table.rows) expect(label).not.toMatch(/^[a-z]+(\.[\w-]+)+$/);
  });

  it("shows the scenario's own figures with their unit and the catalogue's label", () => {
    expect(row("Monthly active users")).toEqual(["Monthly active users", "1,000", "users", "claimed", "scenario"]);
    // tiers.all.share = 1 (fraction) → 100%
    expect(row("Tier “all”: share of requests")?.slice(1, 3)).toEqual(["100%", ""]);
  });

  it("names a device's figures after the device, with the dataset's status and source", () => {
    // Phone A's RAM: 8 GB, claimed by "spec sheet A" (the fixture's provenance).
    expect(row("Phone A's RAM")).toEqual(["Phone A's RAM", "8", "GB", "claimed", "spec sheet A"]);
    expect(row("Phone 1")?.slice(1, 3)).toEqual(["Phone A", ""]);
    expect(row("Phone A's share of users")?.slice(1, 3)).toEqual(["50%", ""]);
    expect(row("Phone A: decode speed")?.[2]).toBe("tokens/s");
  });
});

describe("inputLabel", () => {
  const plan = { devices: [{ deviceId: "my.phone", name: "My Phone" }], tiers: [{ tierId: "long" }] } as never;

  it("matches a device id that holds a dot, and a tier's long-prompt price", () => {
    expect(inputLabel("devices.my.phone.batteryWh", plan)).toBe("My Phone's battery");
    expect(inputLabel("tiers.long.longContextInputUsdPerMTok", plan)).toBe("Tier “long”: long-prompt input price");
  });

  it("keeps a path the catalogue has no label for", () => {
    expect(inputLabel("devices.my.phone.mystery", plan)).toBe("devices.my.phone.mystery");
    expect(inputLabel("cloud.price.inputUsdPerMTok", plan)).toBe("Input price");
  });
});
