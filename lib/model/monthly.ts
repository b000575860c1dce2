/**
 * The month-by-month rows of one strategy, following the contract literally:
 *
 *   cloudUsd(m)        = Σ_{cloud cells} R(m)·share_t·share_d·cost_t·pf(m)
 *   distributionUsd(m) = Σ_{shipping d} users(m)·share_d·downloads(m)·sizeGB·cdnUsdPerGB
 *   totalUsd(m)        = cloudUsd + distributionUsd + infraUsd
 *   cumulativeUsd(m)   = setupUsd + Σ_{k≤m} totalUsd(k)    (set-up included, as break-even needs)
 */
import { downloadShareInMonth } from "./distribution";
import type { PlanModel } from "./model";
import type { StrategyCost } from "./strategies";
import type { TrafficSeries } from "./traffic";

export interface MonthRow {
  month: number;
  requests: number;
  edgeRequests: number;
  unservedRequests: number;
  cloudUsd: number;
  distributionUsd: number;
  infraUsd: number;
  totalUsd: number;
  /** Set-up plus every month's total so far; the last row's equals tcoUsd. */
  cumulativeUsd: number;
}

export function monthlyRows(
  model: PlanModel,
  traffic: TrafficSeries,
  cost: StrategyCost,
  setupUsd: number,
  infraUsd: number,
): MonthRow[] {
  const mau = model.monthlyActiveUsers;
  const distribution = {
    sizeGB: model.variantSizeGB,
    cdnUsdPerGB: model.cdnUsdPerGB,
    newInstallSharePerMonth: model.newInstallSharePerMonth,
    modelUpdatesPerYear: model.modelUpdatesPerYear,
  };
  const perGB = model.variantSizeGB * model.cdnUsdPerGB;
  const rows: MonthRow[] = [];
  let cumulative = setupUsd;
  for (let i = 0; i < traffic.horizonMonths; i++) {
    const month = i + 1;
    const requests = mau * traffic.requestsPerMau[i]!;
    const users = mau * traffic.usersPerMau[i]!;
    const cloudUsd = requests * cost.cloudUsdPerRequest * traffic.priceFactor[i]!;
    const distributionUsd = users * cost.shippedUserShare * downloadShareInMonth(distribution, month) * perGB;
    const totalUsd = cloudUsd + distributionUsd + infraUsd;
    cumulative += totalUsd;
    rows.push({
      month,
      requests,
      edgeRequests: requests * cost.edgeShare,
      unservedRequests: requests * cost.unservedShare,
      cloudUsd,
      distributionUsd,
      infraUsd,
      totalUsd,
      cumulativeUsd: cumulative,
    });
  }
  return rows;
}
