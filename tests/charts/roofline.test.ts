import { describe, expect, it } from "vitest";
import { buildRoofline } from "@/lib/charts/roofline";
import { point } from "./fixtures";

describe("buildRoofline", () => {
  it("puts each run at (bandwidth ÷ size, decode) and marks decode above the bound", () => {
    const roofline = buildRoofline([
      // 67 GB/s ÷ 0.6 GB = 111.67 tok/s bound; 40 tok/s is 0.358 of it.
      point(1, { decodeTokensPerSec: 40 }),
      // 77 GB/s ÷ 4.8 GB = 16.04 tok/s bound; 28 tok/s is 1.745× it: impossible.
      point(2, { decodeTokensPerSec: 28, memoryBandwidthGBps: 77, sizeGB: 4.8, modelName: "Big 8B", status: "claimed" }),
    ]);
    expect(roofline.plausible.map((p) => p.id)).toEqual([1]);
    expect(roofline.plausible[0]?.boundTokensPerSec).toBeCloseTo(111.667, 3);
    expect(roofline.plausible[0]?.shareOfBound).toBeCloseTo(0.358, 3);
    const [bad] = roofline.implausible;
    expect(bad?.id).toBe(2);
    expect(bad?.boundTokensPerSec).toBeCloseTo(16.042, 3);
    expect(bad?.shareOfBound).toBeCloseTo(1.745, 3);
    expect(bad?.label).toBe("Big 8B Q4_0 on Galaxy S23 (llama.cpp/cpu)");
    expect(bad?.reason).toMatch(/exceeds the memory-bandwidth bound of 16 tokens\/s/);
    // Both axes span 16.04 (smallest bound) … 111.67 (largest bound); log ticks 10 … 200 cover them.
    expect(roofline.minTokensPerSec).toBeCloseTo(16.042, 3);
    expect(roofline.maxTokensPerSec).toBeCloseTo(111.667, 3);
    expect(roofline.ticks).toEqual([10, 20, 50, 100, 200]);
  });

  it("reads only the active share of a mixture-of-experts model", () => {
    // 8B total, 2B active: 4 GB × 2/8 = 1 GB per token → bound 60 GB/s ÷ 1 GB = 60 tok/s, so 50 tok/s is fine.
    const roofline = buildRoofline([
      point(1, { decodeTokensPerSec: 50, memoryBandwidthGBps: 60, sizeGB: 4, paramsB: 8, activeParamsB: 2, architecture: "moe" }),
    ]);
    expect(roofline.implausible).toEqual([]);
    expect(roofline.plausible[0]?.gbReadPerToken).toBeCloseTo(1, 9);
    expect(roofline.plausible[0]?.boundTokensPerSec).toBeCloseTo(60, 6);
  });

  it("counts runs without a bound, skips runs without decode, and draws a run listed twice once", () => {
    const roofline = buildRoofline([
      point(1, { decodeTokensPerSec: 10, memoryBandwidthGBps: null }),
      point(2, { decodeTokensPerSec: 10, sizeGB: null }),
      point(3, { peakMemoryMB: 900 }),
      point(4, { decodeTokensPerSec: 120 }),
      point(4, { decodeTokensPerSec: 120 }),
    ]);
    expect(roofline.withoutBound).toBe(2);
    expect(roofline.implausible.map((p) => p.id)).toEqual([4]);
    expect(roofline.plausible).toEqual([]);
  });

  it("lists the worst offender first", () => {
    const roofline = buildRoofline([
      point(1, { decodeTokensPerSec: 120 }), // 120 / 111.67 = 1.07
      point(2, { decodeTokensPerSec: 300 }), // 300 / 111.67 = 2.69
    ]);
    expect(roofline.implausible.map((p) => p.id)).toEqual([2, 1]);
  });
});
