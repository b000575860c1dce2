import { describe, expect, it } from "vitest";
import { capability, runtimeMemoryFactor, variantPeakMemoryMB } from "@/lib/model/capability";
import type { ResolvedVariant } from "@/lib/model/resolve";
import { candidate as run } from "./fixtures";

const variant = (over: Partial<ResolvedVariant> = {}): ResolvedVariant => ({
  key: "v",
  name: "V",
  datasetId: "v",
  quantization: "Q4_K_M",
  sizeGB: { value: 2, status: "claimed", source: "card" },
  inlinePeakMemoryMB: null,
  quality: null,
  paramsB: 3.8,
  activeParamsB: null,
  architecture: "dense",
  bitsPerWeight: null,
  ...over,
});

describe("capability", () => {
  it("is capable when RAM·1000·usable fraction ≥ peak memory", () => {
    // 8 GB · 1000 · 0.5 = 4,000 MB ≥ 4,000 MB
    expect(capability(8, 0.5, 4000)).toEqual({ capable: true, usableMemoryMB: 4000, reason: null });
    // 4,000 MB < 4,001 MB
    expect(capability(8, 0.5, 4001).capable).toBe(false);
  });

  it("is not capable when RAM or the memory need is unknown", () => {
    expect(capability(null, 0.5, 1000).capable).toBe(false);
    expect(capability(8, 0.5, null).capable).toBe(false);
  });
});

describe("variantPeakMemoryMB", () => {
  it("takes the largest measured figure over claimed ones, weights counting too", () => {
    const runs = [
      run({ status: "claimed", peakMemoryMB: 9000 }),
      run({ status: "measured", peakMemoryMB: 2100 }),
      run({ status: "measured", peakMemoryMB: 1500, weightsMB: 2300 }),
    ];
    // measured figures: max(2100, max(1500, 2300)) = 2,300; the claimed 9,000 is ignored
    expect(variantPeakMemoryMB(variant(), runs)?.value).toBe(2300);
  });

  it("estimates from the file size by quantization when no run says", () => {
    // 2 GB · 1000 · 1.2 (4-bit) = 2,400 MB
    const est = variantPeakMemoryMB(variant(), []);
    expect(est?.value).toBeCloseTo(2400, 9);
    expect(est?.status).toBe("estimated");
    // 8-bit: 2·1000·1.5 = 3,000 MB
    expect(variantPeakMemoryMB(variant({ quantization: "Q8_0" }), [])?.value).toBeCloseTo(3000, 9);
    expect(runtimeMemoryFactor("F16")).toBe(2);
  });

  it("prefers an inline figure", () => {
    const inline = { value: 1234, status: "claimed" as const, source: "scenario (inline)" };
    expect(variantPeakMemoryMB(variant({ inlinePeakMemoryMB: inline }), [run({ peakMemoryMB: 9 })])).toBe(inline);
  });
});
