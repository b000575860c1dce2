import { describe, expect, it } from "vitest";
import { calibrate, type CalibrationRun } from "@/lib/benchmarks/calibration";

const run = (over: Partial<CalibrationRun>): CalibrationRun => ({
  deviceId: "p",
  runtime: "llama.cpp",
  variantId: "v1",
  decodeTokensPerSec: 10,
  memoryBandwidthGBps: 60,
  sizeGB: 2,
  paramsB: null,
  activeParamsB: null,
  architecture: null,
  ...over,
});

describe("calibrate", () => {
  it("takes each variant's best backend, then the median over variants", () => {
    const result = calibrate([
      // v1: bound 60/2 = 30 tok/s; cpu 9 → 0.3, gpu 15 → 0.5 (best)
      run({ variantId: "v1", decodeTokensPerSec: 9 }),
      run({ variantId: "v1", decodeTokensPerSec: 15 }),
      // v2: bound 60/1 = 60; 24 → 0.4
      run({ variantId: "v2", sizeGB: 1, decodeTokensPerSec: 24 }),
      // v3: bound 60/4 = 15; 12 → 0.8
      run({ variantId: "v3", sizeGB: 4, decodeTokensPerSec: 12 }),
    ]);
    // median of 0.5, 0.4, 0.8 = 0.5
    expect(result).toEqual([{ deviceId: "p", runtime: "llama.cpp", efficiency: 0.5, variants: 3 }]);
  });

  it("leaves out runs above the bound and runs missing a figure", () => {
    const result = calibrate([
      run({ variantId: "v1", decodeTokensPerSec: 45 }), // 45 > 30: implausible
      run({ variantId: "v2", memoryBandwidthGBps: null }),
      run({ variantId: "v3", decodeTokensPerSec: 6 }), // 6/30 = 0.2
    ]);
    expect(result).toEqual([{ deviceId: "p", runtime: "llama.cpp", efficiency: 0.2, variants: 1 }]);
  });

  it("reads only the active weights of a mixture-of-experts model", () => {
    // 24 GB file, 3B of 30B active → 2.4 GB per token; bound 60/2.4 = 25; 10 tok/s → 0.4
    const [c] = calibrate([run({ sizeGB: 24, paramsB: 30, activeParamsB: 3, architecture: "moe" })]);
    expect(c?.efficiency).toBeCloseTo(0.4, 12);
  });
});
