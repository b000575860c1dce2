/**
 * Every current cloud price planned against one scenario: the same traffic,
 * tiers, phones and edge model, only the cloud price swapped. The engine is pure
 * and plans a scenario without its tornado in well under a millisecond, so the
 * browser ranks the whole price list on each change and the API does the same.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import { planScenario, type Plan, type StrategyName } from "@/lib/model";
import type { Scenario } from "@/lib/schemas/scenario";

export interface PriceRankingRow {
  priceId: string;
  name: string;
  provider: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** The price's own status (a feed's or a vendor's figure is claimed). */
  status: DataStatus;
  /** Cloud-only bill of month 1 (tokens and infrastructure). */
  cloudOnlyMonthOneUsd: number;
  /** Cloud-only tokens cost of month 1 per 1,000 requests. */
  cloudUsdPer1kRequests: number | null;
  /** The price's score on the scenario's quality metric; null when unknown. */
  quality: number | null;
  /** Mean cloud latency over the tiers, weighted by their shares (ms). */
  latencyMs: number;
  cloudOnlyTcoUsd: number;
  hybridTcoUsd: number;
  recommended: StrategyName;
  recommendedTcoUsd: number;
}

export function withPrice(scenario: Scenario, priceId: string): Scenario {
  return { ...scenario, cloud: { ...scenario.cloud, price: priceId } };
}

export function rankingRow(priceId: string, plan: Plan, data: DatasetSnapshot): PriceRankingRow {
  const price = data.prices.find((p) => p.id === priceId);
  const cloudOnly = plan.strategies.cloudOnly;
  const first = cloudOnly.monthly[0];
  const shareSum = plan.tiers.reduce((s, t) => s + t.share, 0);
  return {
    priceId,
    name: price?.name ?? priceId,
    provider: price?.provider ?? "",
    inputUsdPerMTok: price?.inputUsdPerMTok ?? Number.NaN,
    outputUsdPerMTok: price?.outputUsdPerMTok ?? Number.NaN,
    status: price?.provenance.status ?? "claimed",
    cloudOnlyMonthOneUsd: first?.totalUsd ?? 0,
    cloudUsdPer1kRequests: first && first.requests > 0 ? (first.cloudUsd / first.requests) * 1000 : null,
    quality: price?.quality[plan.qualityMetric] ?? null,
    latencyMs: shareSum > 0 ? plan.tiers.reduce((s, t) => s + t.share * t.cloudLatencyMs, 0) / shareSum : 0,
    cloudOnlyTcoUsd: cloudOnly.tcoUsd,
    hybridTcoUsd: plan.strategies.hybrid.tcoUsd,
    recommended: plan.recommendation.strategy,
    recommendedTcoUsd: plan.recommendation.tcoUsd,
  };
}

/**
 * The scenario planned with each price (all current prices when `priceIds` is
 * absent), cheapest cloud-only TCO first. A price the engine cannot plan is left
 * out and named in `skipped` with why.
 */
export function rankPrices(
  scenario: Scenario,
  data: DatasetSnapshot,
  priceIds: readonly string[] = data.prices.map((p) => p.id),
): { rows: PriceRankingRow[]; skipped: { priceId: string; reason: string }[] } {
  const rows: PriceRankingRow[] = [];
  const skipped: { priceId: string; reason: string }[] = [];
  for (const priceId of priceIds) {
    try {
      const plan = planScenario(withPrice(scenario, priceId), data, { tornado: false });
      rows.push(rankingRow(priceId, plan, data));
    } catch (error) {
      skipped.push({ priceId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  // Equal TCOs under one name (the same model from two price sources) fall back to the id,
  // so the browser and the API rank them alike whatever order their price lists come in.
  rows.sort(
    (a, b) =>
      a.cloudOnlyTcoUsd - b.cloudOnlyTcoUsd || a.name.localeCompare(b.name) || (a.priceId < b.priceId ? -1 : a.priceId > b.priceId ? 1 : 0),
  );
  return { rows, skipped };
}
