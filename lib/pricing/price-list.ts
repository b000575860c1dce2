/** Search and sort of the priced models the pricing page lists. */
import { blendedUsdPerMTok } from "./blended-price";
import type { PricedModel } from "./price-history";

export const priceSortKeys = ["provider", "name", "input", "output", "cached", "blended", "effectiveDate"] as const;
export type PriceSortKey = (typeof priceSortKeys)[number];

/** Models whose name or key holds every word of `query` (case-insensitive). */
export function searchPricedModels(models: PricedModel[], query: string | undefined): PricedModel[] {
  const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return models;
  return models.filter((m) => {
    const text = `${m.name} ${m.modelKey} ${m.provider}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

function sortValueOf(model: PricedModel, key: PriceSortKey): string | number | null {
  const p = model.shown;
  switch (key) {
    case "provider":
      return p.provider;
    case "name":
      return p.name;
    case "input":
      return p.inputUsdPerMTok;
    case "output":
      return p.outputUsdPerMTok;
    case "cached":
      return p.cachedInputUsdPerMTok;
    case "blended":
      return blendedUsdPerMTok(p.inputUsdPerMTok, p.outputUsdPerMTok);
    case "effectiveDate":
      return p.effectiveDate;
  }
}

/** Sorted copy; unknown values last in either direction, ties by provider then name. */
export function sortPricedModels(models: PricedModel[], key: PriceSortKey, order: "asc" | "desc"): PricedModel[] {
  const sign = order === "desc" ? -1 : 1;
  const tieBreak = (a: PricedModel, b: PricedModel) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name);
  return [...models].sort((a, b) => {
    const va = sortValueOf(a, key);
    const vb = sortValueOf(b, key);
    if (va === null || vb === null) return va === vb ? tieBreak(a, b) : va === null ? 1 : -1;
    const cmp = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
    return sign * cmp || tieBreak(a, b);
  });
}
