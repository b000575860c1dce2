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
import { horizonDistributionUsdPerMau } from "./distribution";
import type { PlanModel } from "./model";
import type { TrafficSeries } from "./traffic";

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
  const T = cells.tierCount;
  const dist = {
    sizeGB: model.variantSizeGB,
    cdnUsdPerGB: model.cdnUsdPerGB,
    newInstallSharePerMonth: model.newInstallSharePerMonth,
    modelUpdatesPerYear: model.modelUpdatesPerYear,
  };
  return model.devices.map((device, d) => {
    let perRequest = 0;
    let hasAllowedTier = false;
    for (let t = 0; t < T; t++) {
      if (!cells.allowedAfterBattery[d * T + t]) continue;
      hasAllowedTier = true;
      perRequest += (model.tierShare[t] ?? 0) * (tiers.cloudUsdPerRequest[t] ?? 0);
    }
    const savingsUsdPerMau = device.share * perRequest * traffic.priceWeightedRequestsPerMau;
    const distributionUsdPerMau = hasAllowedTier ? horizonDistributionUsdPerMau(dist, traffic, device.share) : 0;
    const shipsStructurally = hasAllowedTier && savingsUsdPerMau > distributionUsdPerMau;
    return {
      savingsUsdPerMau,
      distributionUsdPerMau,
      hasAllowedTier,
      shipsStructurally,
      ships: shipsStructurally && model.monthlyActiveUsers > 0,
    };
  });
}
