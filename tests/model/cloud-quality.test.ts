import { describe, expect, it } from "vitest";
import { cloudQualityWarnings } from "@/lib/model/cloud-quality";
import { figure } from "@/lib/model/figure";

const tiers = [
  { id: "simple", minQuality: 0 },
  { id: "medium", minQuality: 60 },
  { id: "complex", minQuality: 80 },
];

describe("cloudQualityWarnings", () => {
  it("says nothing when no tier asks for a minimum quality", () => {
    expect(cloudQualityWarnings("gpt-4.1", null, "mmlu", [{ id: "simple", minQuality: 0 }])).toEqual([]);
  });

  it("says the cloud's quality is unknown when the price has no score on the metric", () => {
    expect(cloudQualityWarnings("claude-sonnet-4-5", null, "mmlu", tiers)).toEqual([
      "claude-sonnet-4-5 has no mmlu score: whether the cloud meets the minimum quality of medium, complex is not known.",
    ]);
  });

  it("names the tiers whose minimum the cloud's score misses, and only those", () => {
    // 69.4 ≥ 60 (medium) but < 80 (complex)
    expect(cloudQualityWarnings("llama-3.1-8b-instant", figure(69.4, "claimed", "card"), "mmlu", tiers)).toEqual([
      "llama-3.1-8b-instant scores 69.4 on mmlu, below the minimum of complex (80): those requests are served below the quality asked for.",
    ]);
    expect(cloudQualityWarnings("gpt-4.1", figure(90.2, "claimed", "simple-evals"), "mmlu", tiers)).toEqual([]);
  });
});
