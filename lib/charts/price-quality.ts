/**
 * Blended price against a quality score, for the priced models that have that
 * score: a scatter of (score, USD per 1M blended tokens). Models without the
 * score or without an input price are counted, not plotted.
 */
import { blendedUsdPerMTok } from "@/lib/pricing/blended-price";
import type { PricedModel } from "@/lib/pricing/price-history";

export interface PriceQualityPoint {
  key: string;
  name: string;
  provider: string;
  score: number;
  blendedUsdPerMTok: number;
}

export interface PriceQuality {
  metric: string | null;
  points: PriceQualityPoint[];
  /** Metrics any shown price has a score on, with how many models have each, most first. */
  metrics: { metric: string; models: number }[];
  withoutScore: number;
  withoutInputPrice: number;
}

export function listQualityMetrics(models: PricedModel[]): { metric: string; models: number }[] {
  const counts = new Map<string, number>();
  for (const m of models) for (const metric of Object.keys(m.shown.quality)) counts.set(metric, (counts.get(metric) ?? 0) + 1);
  return [...counts.entries()]
    .map(([metric, n]) => ({ metric, models: n }))
    .sort((a, b) => b.models - a.models || a.metric.localeCompare(b.metric));
}

/** `metric` null or unknown: the metric most models have. */
export function buildPriceQuality(models: PricedModel[], metric: string | null): PriceQuality {
  const metrics = listQualityMetrics(models);
  const chosen = metrics.find((m) => m.metric === metric)?.metric ?? metrics[0]?.metric ?? null;
  const points: PriceQualityPoint[] = [];
  let withoutScore = 0;
  let withoutInputPrice = 0;
  for (const m of models) {
    const score = chosen === null ? undefined : m.shown.quality[chosen];
    if (score === undefined) {
      withoutScore += 1;
      continue;
    }
    const blended = blendedUsdPerMTok(m.shown.inputUsdPerMTok, m.shown.outputUsdPerMTok);
    if (blended === null) {
      withoutInputPrice += 1;
      continue;
    }
    points.push({ key: m.key, name: m.name, provider: m.provider, score, blendedUsdPerMTok: blended });
  }
  return { metric: chosen, points, metrics, withoutScore, withoutInputPrice };
}
