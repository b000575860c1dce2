import { describe, expect, it } from "vitest";
import { checkMemoryAcrossSources, checkModelClaim, checkScoresAcrossSources, inferredSizeGB, nominalBitsPerWeight } from "@/lib/plausibility";

const phi4 = { name: "Phi-4", architecture: "dense" as const, paramsB: 14.7, activeParamsB: null, source: "the card" };

describe("checkModelClaim", () => {
  it("flags a dense model called a mixture of experts", () => {
    expect(checkModelClaim({ architecture: "moe" }, phi4, "Seed 001")).toEqual([
      { check: "model-fact", ok: false, reason: "Seed 001 calls Phi-4 a mixture-of-experts model; the card says it is a dense transformer" },
    ]);
    expect(checkModelClaim({ architecture: "dense" }, phi4, "Seed 000")[0]?.ok).toBe(true);
  });

  it("accepts a size within 15 % and flags one further off", () => {
    // |14 − 14.7| = 0.7 ≤ 0.15 × 14.7 = 2.205
    expect(checkModelClaim({ paramsB: 14 }, phi4, "A")[0]?.ok).toBe(true);
    // |7 − 14.7| = 7.7 > 2.205
    expect(checkModelClaim({ paramsB: 7 }, phi4, "A")[0]?.ok).toBe(false);
  });

  it("says nothing about facts either side lacks", () => {
    expect(checkModelClaim({ architecture: "moe" }, { ...phi4, architecture: null }, "A")).toEqual([]);
  });
});

describe("checkScoresAcrossSources", () => {
  it("flags scores more than 5 points apart across sources, range per source", () => {
    const f = checkScoresAcrossSources("MiMo-7B", "mmlu", [
      { score: 68.2, sourceTitle: "Seed 000" },
      { score: 72.3, sourceTitle: "Seed 001", asModel: "MiMo 8B" },
      { score: 52.3, sourceTitle: "Seed 002" },
      { score: 58.7, sourceTitle: "Seed 002" },
    ]);
    // 72.3 − 52.3 = 20 points
    expect(f).toEqual({
      check: "conflicting-figures",
      ok: false,
      reason: "MiMo-7B MMLU differs by 20 points across sources: 68.2 (Seed 000), 72.3 (Seed 001, as MiMo 8B), 52.3–58.7 (Seed 002); each is kept as its source's claim",
    });
  });

  it("accepts sources within 5 points and skips a model only one source scores", () => {
    // 68.8 − 66.2 = 2.6 points
    expect(checkScoresAcrossSources("Phi-3 mini", "mmlu", [{ score: 68.8, sourceTitle: "A" }, { score: 66.2, sourceTitle: "B" }])?.ok).toBe(true);
    expect(checkScoresAcrossSources("Phi-3 mini", "mmlu", [{ score: 68.8, sourceTitle: "A" }, { score: 50, sourceTitle: "A" }])).toBeNull();
  });
});

describe("checkMemoryAcrossSources", () => {
  it("flags one model's memory at one bit width more than 1.5× apart across sources", () => {
    // 3,200 ÷ 2,000 = 1.6
    expect(checkMemoryAcrossSources("MiMo-7B", 4, [{ peakMemoryMB: 3200, sourceTitle: "A" }, { peakMemoryMB: 2000, sourceTitle: "B" }])?.ok).toBe(false);
    // 3,200 ÷ 2,400 = 1.33
    expect(checkMemoryAcrossSources("MiMo-7B", 4, [{ peakMemoryMB: 3200, sourceTitle: "A" }, { peakMemoryMB: 2400, sourceTitle: "B" }])?.ok).toBe(true);
    expect(checkMemoryAcrossSources("MiMo-7B", 4, [{ peakMemoryMB: 3200, sourceTitle: "A" }, { peakMemoryMB: 1000, sourceTitle: "A" }])).toBeNull();
  });
});

describe("inferred sizes", () => {
  it("reads nominal bits from quantization labels", () => {
    expect(["INT4", "Q4_K_M", "q4_0", "INT4 (NF4)", "INT8", "Q8_0", "FP16", "F16", "BF16", "Q3_K_S", "IQ2_XS"].map(nominalBitsPerWeight)).toEqual([
      4, 4, 4, 4, 8, 8, 16, 16, 16, 3, 2,
    ]);
    expect(nominalBitsPerWeight("Lite")).toBeNull();
    expect(nominalBitsPerWeight("dense, precision not stated")).toBeNull();
  });

  it("gives parameters × bits ÷ 8 in GB", () => {
    // 7B × 4 bits ÷ 8 = 3.5 GB; 14.7B × 4 ÷ 8 = 7.35 GB
    expect(inferredSizeGB(7, 4)).toBe(3.5);
    expect(inferredSizeGB(14.7, 4)).toBeCloseTo(7.35, 12);
  });
});
