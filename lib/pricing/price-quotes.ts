/**
 * Prices that documents quote (kind "quote"): claims of their source, grouped by
 * the source that makes them, never versions of a provider's price history.
 */
import type { PriceResponse } from "@/lib/schemas/api";

export interface QuoteSource {
  source: PriceResponse["source"];
  /** The source's quotes by provider then model. */
  quotes: PriceResponse[];
}

export function groupPriceQuotes(prices: PriceResponse[]): QuoteSource[] {
  const bySource = new Map<number, QuoteSource>();
  for (const price of prices) {
    if (price.kind !== "quote") continue;
    const group = bySource.get(price.source.id) ?? { source: price.source, quotes: [] };
    group.quotes.push(price);
    bySource.set(price.source.id, group);
  }
  const groups = [...bySource.values()];
  for (const g of groups) g.quotes.sort((a, b) => a.provider.localeCompare(b.provider) || a.modelKey.localeCompare(b.modelKey) || a.id - b.id);
  return groups.sort((a, b) => a.source.title.localeCompare(b.source.title));
}

/** Quotes whose provider, model key or name holds every word of `query` (case-insensitive). */
export function searchQuotes(groups: QuoteSource[], query: string | undefined): QuoteSource[] {
  const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((g) => ({
      ...g,
      quotes: g.quotes.filter((q) => {
        const text = `${q.name} ${q.modelKey} ${q.provider}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.quotes.length > 0);
}
