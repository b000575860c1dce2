import { describe, expect, it } from "vitest";
import type { RunCombo } from "@/lib/benchmarks/facets";
import { figureGroupsOfCombos, mergeFigures } from "@/lib/benchmarks/figure-groups";
import { combo as runCombo } from "./run-combo";

/** Four runs, three of them with figures, unless told. */
function combo(overrides: Partial<RunCombo>): RunCombo {
  return runCombo({ runs: 4, figures: { runs: 3, maxDecodeTokensPerSec: 20, maxPrefillTokensPerSec: null, minTtftMs: 800 }, ...overrides });
}

describe("figure groups from run combinations", () => {
  it("roll up the combinations a filter selects by device, variant and status, as SQL's count, max and min would", () => {
    const combos = [
      combo({}),
      // The same device, variant and status from another source and backend: one group with the first.
      combo({ backend: "opencl", sourceId: 2, figures: { runs: 2, maxDecodeTokensPerSec: 25, maxPrefillTokensPerSec: 90, minTtftMs: 950 } }),
      combo({ status: "claimed", runtime: "MLC-LLM", figures: { runs: 1, maxDecodeTokensPerSec: null, maxPrefillTokensPerSec: null, minTtftMs: 400 } }),
      // No run with a figure: no group.
      combo({ deviceId: "x7", deviceName: "POCO X7", figures: { runs: 0, maxDecodeTokensPerSec: null, maxPrefillTokensPerSec: null, minTtftMs: null } }),
    ];
    expect(figureGroupsOfCombos(combos, {})).toEqual([
      { deviceId: "s23", deviceName: "Galaxy S23", modelId: "tiny", modelName: "Tiny 1B", status: "measured", runs: 5, maxDecodeTokensPerSec: 25, maxPrefillTokensPerSec: 90, minTtftMs: 800 },
      { deviceId: "s23", deviceName: "Galaxy S23", modelId: "tiny", modelName: "Tiny 1B", status: "claimed", runs: 1, maxDecodeTokensPerSec: null, maxPrefillTokensPerSec: null, minTtftMs: 400 },
    ]);
    expect(figureGroupsOfCombos(combos, { runtime: "llama.cpp", backend: "cpu" })?.map((g) => [g.status, g.runs, g.maxDecodeTokensPerSec])).toEqual([["measured", 3, 20]]);
    // A combination whose figures were not counted: none from the combinations.
    expect(figureGroupsOfCombos([...combos, combo({ figures: null })], {})).toBeNull();
  });

  it("merge two counts of one combination", () => {
    expect(
      mergeFigures(
        { runs: 3, maxDecodeTokensPerSec: 20, maxPrefillTokensPerSec: null, minTtftMs: 800 },
        { runs: 1, maxDecodeTokensPerSec: 18, maxPrefillTokensPerSec: 70, minTtftMs: 600 },
      ),
    ).toEqual({ runs: 4, maxDecodeTokensPerSec: 20, maxPrefillTokensPerSec: 70, minTtftMs: 600 });
    expect(mergeFigures(null, { runs: 1, maxDecodeTokensPerSec: 18, maxPrefillTokensPerSec: null, minTtftMs: null })).toBeNull();
  });
});
