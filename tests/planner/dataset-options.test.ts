import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { variantGroups } from "@/lib/planner/dataset-options";
import { snapshot } from "../plan-view/fixture";

const v1 = snapshot.variants[0]!;
const run = snapshot.runs[0]!;
// Model "Tiny 1B": Q4_0 with one run, Q8_0 with two, and a second "Tiny 1B Q4_0" from another source with none.
const data: DatasetSnapshot = {
  ...snapshot,
  variants: [
    v1,
    { ...v1, id: "v8", name: "Tiny 1B Q8_0", quantization: "Q8_0" },
    { ...v1, id: "v1-other", name: "Tiny 1B Q4_0" },
  ],
  runs: [run, { ...run, id: 2, variantId: "v8" }, { ...run, id: 3, variantId: "v8" }],
};

describe("variantGroups", () => {
  it("groups variants by model with the run total, variants with runs first, and tells same-named ones apart", () => {
    const groups = variantGroups(data);
    expect(groups.map((g) => g.label)).toEqual(["Tiny 1B (3 runs)"]); // 1 + 2 + 0
    expect(groups[0]!.options.map((o) => [o.variant.id, o.runCount, o.detail])).toEqual([
      ["v8", 2, null],
      ["v1", 1, "v1"],
      ["v1-other", 0, "v1-other"],
    ]);
  });
});
