import { describe, expect, it } from "vitest";
import { blendedUsdPerMTok } from "@/lib/pricing/blended-price";
import { effectiveLabel, groupPriceVersions } from "@/lib/pricing/price-history";
import { groupPriceQuotes, searchQuotes } from "@/lib/pricing/price-quotes";
import { priceTierNotes } from "@/lib/pricing/price-tiers";
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

  it("shows the newest version, flagged, when none is in force", () => {
    const [model] = groupPriceVersions([
      price(1, { effectiveDate: "2025-01-01", current: false, effectiveUntil: "2025-06-01" }),
      price(2, { effectiveDate: "2027-06-01", current: false }),
    ]);
    expect([model?.shown.id, model?.hasCurrent, model?.history.length]).toEqual([2, false, 1]);
  });

  it("keeps documents' quotes out of the provider's price history", () => {
    const article = { id: 7, kind: "seed" as const, title: "Seed 000", url: null };
    const prices = [
      price(1, { provider: "openai", modelKey: "gpt-4.1", effectiveDate: "2025-04-14", current: true, inputUsdPerMTok: 2, outputUsdPerMTok: 8 }),
      price(2, { provider: "openai", modelKey: "gpt-4.1", kind: "quote", effectiveDate: "2026-01-01", current: false, inputUsdPerMTok: null, outputUsdPerMTok: 30, source: article }),
      price(3, { provider: "holysheep", modelKey: "gpt-4.1", kind: "quote", effectiveDate: "2026-01-01", current: false, inputUsdPerMTok: null, outputUsdPerMTok: 8, source: article }),
    ];
    const models = groupPriceVersions(prices);
    expect(models.map((m) => [m.key, m.shown.id, m.history.length])).toEqual([["openai/gpt-4.1", 1, 0]]);
    const quotes = groupPriceQuotes(prices);
    expect(quotes.map((g) => [g.source.title, g.quotes.map((q) => q.id)])).toEqual([["Seed 000", [3, 2]]]);
    expect(searchQuotes(quotes, "openai")[0]?.quotes.map((q) => q.outputUsdPerMTok)).toEqual([30]);
  });
});

describe("effectiveLabel", () => {
  it("says when a date is only a day the price was seen in force, and when it ended", () => {
    expect(effectiveLabel({ effectiveDate: "2025-04-14", effectiveDateBasis: "took-effect", effectiveUntil: null })).toBe("2025-04-14");
    expect(effectiveLabel({ effectiveDate: "2026-08-05", effectiveDateBasis: "in-force-on", effectiveUntil: "2026-09-01" })).toBe(
      "in force on 2026-08-05, until 2026-09-01",
    );
  });
});

describe("priceTierNotes", () => {
  it("lists batch, cache-write and long-context prices", () => {
    const notes = priceTierNotes({
      batchInputUsdPerMTok: 1,
      batchOutputUsdPerMTok: 4,
      cacheWriteUsdPerMTok: 3.75,
      longContext: [{ aboveInputTokens: 200_000, inputUsdPerMTok: 6, outputUsdPerMTok: 22.5 }],
    });
    expect(notes).toEqual(["batch $1.00 in / $4.00 out", "cache write $3.75", "prompts above 200k tokens: $6.00 in / $22.50 out"]);
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
