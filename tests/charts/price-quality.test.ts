import { describe, expect, it } from "vitest";
import { buildPriceQuality } from "@/lib/charts/price-quality";
import { groupPriceVersions } from "@/lib/pricing/price-history";
import { price } from "../pricing/fixtures";

describe("buildPriceQuality", () => {
  const models = groupPriceVersions([
    price(1, { modelKey: "a", inputUsdPerMTok: 2, outputUsdPerMTok: 8, quality: { mmlu: 80, gsm8k: 90 } }),
    price(2, { modelKey: "b", inputUsdPerMTok: 0.4, outputUsdPerMTok: 1.6, quality: { mmlu: 70 } }),
    price(3, { modelKey: "c", inputUsdPerMTok: null, outputUsdPerMTok: 1, quality: { mmlu: 60 } }),
    price(4, { modelKey: "d", inputUsdPerMTok: 1, outputUsdPerMTok: 1 }),
  ]);

  it("plots the blended 3:1 price against the metric most prices have", () => {
    const data = buildPriceQuality(models, null);
    expect(data.metric).toBe("mmlu");
    expect(data.metrics).toEqual([
      { metric: "mmlu", models: 3 },
      { metric: "gsm8k", models: 1 },
    ]);
    // a: (3×2 + 8)/4 = 3.5; b: (3×0.4 + 1.6)/4 = 0.7.
    expect(data.points.map((p) => [p.key, p.score, p.blendedUsdPerMTok])).toEqual([
      ["acme/a", 80, 3.5],
      ["acme/b", 70, expect.closeTo(0.7, 12)],
    ]);
    expect([data.withoutScore, data.withoutInputPrice]).toEqual([1, 1]);
  });

  it("uses the asked metric, and says there is none when no price has a score", () => {
    expect(buildPriceQuality(models, "gsm8k").points.map((p) => p.key)).toEqual(["acme/a"]);
    const none = buildPriceQuality(groupPriceVersions([price(1, {})]), "mmlu");
    expect(none).toEqual({ metric: null, points: [], metrics: [], withoutScore: 1, withoutInputPrice: 0 });
  });
});
