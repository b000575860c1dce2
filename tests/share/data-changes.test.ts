import { describe, expect, it } from "vitest";
import { diffUsedData } from "@/lib/share/data-changes";
import { snapshot } from "../plan-view/fixture";

describe("diffUsedData", () => {
  it("is empty when nothing moved", () => {
    expect(diffUsedData(snapshot, structuredClone(snapshot))).toEqual([]);
  });

  it("names a price that moved, before and after", () => {
    const today = structuredClone(snapshot);
    today.prices[0]!.inputUsdPerMTok = 3;
    today.prices[0]!.effectiveDate = "2026-11-01";
    expect(diffUsedData(snapshot, today)).toEqual([
      { what: "price p/model: inputUsdPerMTok", before: 1, after: 3 },
      { what: "price p/model: effectiveDate", before: "2026-01-01", after: "2026-11-01" },
    ]);
  });

  it("notes a device removed from the dataset", () => {
    const today = { ...snapshot, devices: snapshot.devices.slice(1) };
    expect(diffUsedData(snapshot, today)).toEqual([{ what: "device phone-a: removed from the dataset", before: "present", after: null }]);
  });
});
