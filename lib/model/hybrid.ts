/**
 * The hybrid's ship rule. Distribution cost depends only on whether a class gets
 * the model at all, so the choice is per device class: ship when, over the
 * horizon, the cloud cost of its allowed tiers exceeds what shipping costs.
 *
 *   saves_d = Σ_m Σ_{t allowed} R(m)·share_t·share_d·cost_t·pf(m)
 *   ships_d ⇔ saves_d > Σ_m distribution_d(m)
 *
 * Both sides are MAU × a per-MAU figure, so the decision does not depend on MAU
 * (beyond MAU > 0, where both are 0 and nothing ships): the hybrid's routing is
 * the same at every volume, which is what makes TCO linear in MAU.
 */
import type { CellFacts, TierFacts } from "./cells";
import { horizonDistributionUsdPerMau, type DistributionInput } from "./distribution";
import type { PlanModel } from "./model";
import type { TrafficSeries, TrafficTotals } from "./traffic";

export interface ShipDecision {
  /** Horizon cloud cost the class's allowed tiers would save, per MAU. */
  savingsUsdPerMau: number;
  /** Horizon distribution cost of the class, per MAU. */
  distributionUsdPerMau: number;
  /** Whether the class has any tier the edge may serve. */
  hasAllowedTier: boolean;
  /** At any MAU > 0. */
  shipsStructurally: boolean;
  /** At the scenario's MAU. */
  ships: boolean;
}

export function shipDecisions(
  model: PlanModel,
  traffic: TrafficSeries,
  tiers: TierFacts,
  cells: CellFacts,
): ShipDecision[] {
  return model.devices.map((_, d) => {
    const f = classShipFigures(model, traffic, tiers, cells, d);
    // Written out rather than spread: a spread of a returned object is a slow path.
    return {
      savingsUsdPerMau: f.savingsUsdPerMau,
      distributionUsdPerMau: f.distributionUsdPerMau,
      hasAllowedTier: f.hasAllowedTier,
      shipsStructurally: f.shipsStructurally,
      ships: f.shipsStructurally && model.monthlyActiveUsers > 0,
    };
  });
}

/**
 * The ship rule for device class d: the cloud cost its allowed tiers would save over the
 * horizon against the class's distribution cost, both per MAU (strictly more saved ships).
 * The one place the rule is written: the plan's decisions and the tornado's fused hybrid
 * TCO (strategies.ts) both call it.
 */
export function classShipFigures(
  model: PlanModel,
  traffic: TrafficTotals,
  tiers: TierFacts,
  cells: CellFacts,
  d: number,
  dist: DistributionInput = distributionOf(model),
): Omit<ShipDecision, "ships"> {
  const T = cells.tierCount;
  const device = model.devices[d]!;
  let perRequest = 0;
  let hasAllowedTier = false;
  for (let t = 0; t < T; t++) {
    if (!cells.allowedAfterBattery[d * T + t]) continue;
    hasAllowedTier = true;
    perRequest += (model.tierShare[t] ?? 0) * (tiers.cloudUsdPerRequest[t] ?? 0);
  }
  const savingsUsdPerMau = device.share * perRequest * traffic.priceWeightedRequestsPerMau;
  const distributionUsdPerMau = hasAllowedTier ? horizonDistributionUsdPerMau(dist, traffic, device.share) : 0;
  return { savingsUsdPerMau, distributionUsdPerMau, hasAllowedTier, shipsStructurally: hasAllowedTier && savingsUsdPerMau > distributionUsdPerMau };
}

export function distributionOf(model: PlanModel): DistributionInput {
  return {
    sizeGB: model.variantSizeGB,
    cdnUsdPerGB: model.cdnUsdPerGB,
    newInstallSharePerMonth: model.newInstallSharePerMonth,
    modelUpdatesPerYear: model.modelUpdatesPerYear,
  };
}
