import { describe, expect, it } from "vitest";
import { packMemoryVsSize, packRoofline, unpackMemoryVsSize, unpackRoofline } from "@/app/benchmarks/chart-wire";
import { buildMemoryVsSize } from "@/lib/charts/memory-vs-size";
import { buildRoofline } from "@/lib/charts/roofline";
import { point } from "../charts/fixtures";

describe("the scatter charts' packed points", () => {
  // 67 GB/s ÷ 0.6 GB = 111.67 tok/s bound (runs 1 and 3, the same label); 77 GB/s ÷ 4.8 GB = 16.04: run 2's 28 tok/s is above it.
  const runs = [
    point(1, { decodeTokensPerSec: 40, peakMemoryMB: 900 }),
    point(2, { decodeTokensPerSec: 28, memoryBandwidthGBps: 77, sizeGB: 4.8, modelName: "Big 8B", status: "claimed", peakMemoryMB: 5100 }),
    point(3, { decodeTokensPerSec: 41.5, peakMemoryMB: 950 }),
  ];

  it("unpack to exactly the roofline lib/charts built, the bound and its share included", () => {
    const roofline = buildRoofline(runs);
    const packed = packRoofline(roofline);
    // Runs 1 and 3 share "Model Q4_0 on Galaxy S23 (llama.cpp/cpu)": one label, then run 2's label, source and reason.
    expect(packed.strings).toHaveLength(4);
    expect(packed.plausible.label).toEqual([0, 0]);
    expect(packed.implausible.decodeTokensPerSec).toEqual([28]);
    const back = unpackRoofline(JSON.parse(JSON.stringify(packed)));
    expect(back).toStrictEqual(roofline);
    expect(back.implausible[0]?.boundTokensPerSec).toBeCloseTo(16.042, 3);
    expect(back.implausible[0]?.shareOfBound).toBeCloseTo(1.745, 3);
  });

  it("unpack to exactly the memory scatter lib/charts built", () => {
    const memory = buildMemoryVsSize(runs);
    const packed = packMemoryVsSize(memory);
    expect(packed.series.map((s) => s.status)).toEqual(["measured", "claimed"]);
    expect(packed.series[0]?.peakMemoryMB).toEqual([900, 950]);
    expect(packed.strings).toHaveLength(2);
    expect(unpackMemoryVsSize(JSON.parse(JSON.stringify(packed)))).toStrictEqual(memory);
  });
});
