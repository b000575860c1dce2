import { describe, expect, it } from "vitest";
import { facetsOfCombos, type RunCombo } from "@/lib/benchmarks/facets";
import { combo } from "./run-combo";

const combos: RunCombo[] = [
  combo({ runs: 10 }),
  combo({ backend: "opencl", runs: 5 }),
  combo({ deviceId: "x7", deviceName: "POCO X7", soc: null, runs: 7 }),
  combo({ deviceId: "x7", deviceName: "POCO X7", soc: null, runtime: "MLC-LLM", backend: null, status: "claimed", sourceId: 2, sourceTitle: "Seed 001", runs: 2 }),
];

describe("facetsOfCombos", () => {
  it("counts each facet's values under every filter but its own", () => {
    const facets = facetsOfCombos(combos, { device: "x7", backend: "cpu" });
    // device ignores device=x7 but keeps backend=cpu: s23 has 10 cpu runs, x7 has 7.
    expect(facets.device.map((v) => [v.value, v.runs])).toEqual([
      ["s23", 10],
      ["x7", 7],
    ]);
    // backend ignores backend=cpu but keeps device=x7: only the 7 cpu runs have a backend.
    expect(facets.backend.map((v) => [v.value, v.runs])).toEqual([["cpu", 7]]);
    // status keeps both filters: 7 measured.
    expect(facets.status.map((v) => [v.value, v.runs])).toEqual([["measured", 7]]);
    // x7 has no SoC, so the SoC facet offers nothing under device=x7.
    expect(facets.soc).toEqual([]);
  });

  it("sorts labels without regard to case and names sources by title", () => {
    const facets = facetsOfCombos(combos, {});
    expect(facets.runtime.map((v) => [v.label, v.runs])).toEqual([
      ["llama.cpp", 22],
      ["MLC-LLM", 2],
    ]);
    expect(facets.source.map((v) => [v.value, v.label, v.runs])).toEqual([
      ["1", "PocketPal", 22],
      ["2", "Seed 001", 2],
    ]);
  });
});

