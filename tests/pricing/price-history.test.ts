import { describe, expect, it } from "vitest";
import { blendedUsdPerMTok } from "@/lib/pricing/blended-price";
import { groupPriceVersions } from "@/lib/pricing/price-history";
import { searchPricedModels, sortPricedModels } from "@/lib/pricing/price-list";
import { price } from "./fixtures";

describe("blendedUsdPerMTok", () => {
  it("weights input 3 to output 1 by default", () => {
    // (3 × $2 + $8) ÷ 4 = $3.50
    expect(blendedUsdPerMTok(2, 8)).toBe(3.5);
    // (1 × $2 + 1 × $8) ÷ 2 = $5
    expect(blendedUsdPerMTok(2, 8, { inputParts: 1, outputParts: 1 })).toBe(5);
    expect(blendedUsdPerMTok(null, 8)).toBeNull();
  });
});

describe("groupPriceVersions", () => {
  it("shows the version in force and folds the others below it, newest first", () => {
    const [model] = groupPriceVersions([
      price(1, { effectiveDate: "2025-01-01", current: false, outputUsdPerMTok: 4 }),
      price(2, { effectiveDate: "2026-01-01", current: true, outputUsdPerMTok: 2 }),
      price(3, { effectiveDate: "2026-02-01", current: false, inputUsdPerMTok: null, outputUsdPerMTok: 1 }),
    ]);
    expect(model?.shown.id).toBe(2);
    expect(model?.hasCurrent).toBe(true);
    expect(model?.history.map((p) => p.id)).toEqual([3, 1]);
  });

  it("shows the newest quote, flagged, when no version is in force", () => {
    const [model] = groupPriceVersions([
      price(1, { effectiveDate: "2025-01-01", current: false, inputUsdPerMTok: null }),
      price(2, { effectiveDate: "2025-06-01", current: false, inputUsdPerMTok: null }),
    ]);
    expect([model?.shown.id, model?.hasCurrent, model?.history.length]).toEqual([2, false, 1]);
  });
});

describe("searching and sorting priced models", () => {
  const models = groupPriceVersions([
    price(1, { provider: "openai", modelKey: "gpt-4.1", name: "GPT-4.1", inputUsdPerMTok: 2, outputUsdPerMTok: 8 }),
    price(2, { provider: "openai", modelKey: "gpt-4.1-mini", name: "GPT-4.1 mini", inputUsdPerMTok: 0.4, outputUsdPerMTok: 1.6 }),
    price(3, { provider: "deepseek", modelKey: "deepseek-chat", name: "DeepSeek V3", inputUsdPerMTok: 0.28, outputUsdPerMTok: 0.42 }),
    price(4, { provider: "mystery", modelKey: "quote", name: "Quote only", inputUsdPerMTok: null, outputUsdPerMTok: 15, current: false }),
  ]);

  it("finds models holding every word of the search", () => {
    expect(searchPricedModels(models, "gpt mini").map((m) => m.key)).toEqual(["openai/gpt-4.1-mini"]);
    expect(searchPricedModels(models, "  ").length).toBe(4);
  });

  it("sorts by blended price with unknown prices last in either direction", () => {
    // Blended: deepseek (0.84+0.42)/4 = 0.315; mini (1.2+1.6)/4 = 0.7; gpt-4.1 3.5; quote unknown.
    expect(sortPricedModels(models, "blended", "asc").map((m) => m.modelKey)).toEqual(["deepseek-chat", "gpt-4.1-mini", "gpt-4.1", "quote"]);
    expect(sortPricedModels(models, "blended", "desc").map((m) => m.modelKey)).toEqual(["gpt-4.1", "gpt-4.1-mini", "deepseek-chat", "quote"]);
    expect(sortPricedModels(models, "output", "desc").map((m) => m.modelKey)[0]).toBe("quote");
  });
});
