/**
 * Price versions (every row of listCloudPrices with history) → one entry per
 * model at a provider: the version in force (else the newest one, flagged), and
 * the other versions newest first.
 */
import type { PriceResponse } from "@/lib/schemas/api";

export interface PricedModel {
  key: string;
  provider: string;
  modelKey: string;
  name: string;
  /** The current version, or the newest when none is in force (a quote without an input price, a future date). */
  shown: PriceResponse;
  hasCurrent: boolean;
  /** Every other version, newest effective date first. */
  history: PriceResponse[];
}

function newestFirst(a: PriceResponse, b: PriceResponse): number {
  return b.effectiveDate.localeCompare(a.effectiveDate) || b.id - a.id;
}

export function groupPriceVersions(prices: PriceResponse[]): PricedModel[] {
  const byKey = new Map<string, PriceResponse[]>();
  for (const price of prices) {
    const list = byKey.get(price.key) ?? [];
    list.push(price);
    byKey.set(price.key, list);
  }
  const models: PricedModel[] = [];
  for (const [key, versions] of byKey) {
    const sorted = [...versions].sort(newestFirst);
    const current = sorted.find((p) => p.current);
    const shown = current ?? sorted[0];
    if (!shown) continue;
    models.push({
      key,
      provider: shown.provider,
      modelKey: shown.modelKey,
      name: shown.name,
      shown,
      hasCurrent: current !== undefined,
      history: sorted.filter((p) => p !== shown),
    });
  }
  return models.sort((a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name));
}
