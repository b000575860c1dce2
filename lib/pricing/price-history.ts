/**
 * Price versions (every row of listCloudPrices with history) → one entry per
 * model at a provider: the version in force (else the newest one, flagged), and
 * the other versions newest first. Only the provider's list prices are versions;
 * what documents quote (kind "quote") is kept apart, by source (price-quotes.ts).
 */
import type { PriceResponse } from "@/lib/schemas/api";

export interface PricedModel {
  key: string;
  provider: string;
  modelKey: string;
  name: string;
  /** The current version, or the newest when none is in force (a future date, a replaced price). */
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
    if (price.kind !== "list") continue;
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

/** How a version's dates read: "2025-04-14", "in force on 2026-08-05", "… until 2026-09-01". */
export function effectiveLabel(p: Pick<PriceResponse, "effectiveDate" | "effectiveDateBasis" | "effectiveUntil">): string {
  const from = p.effectiveDateBasis === "in-force-on" ? `in force on ${p.effectiveDate}` : p.effectiveDate;
  return p.effectiveUntil ? `${from}, until ${p.effectiveUntil}` : from;
}
