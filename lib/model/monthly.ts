/**
 * The month-by-month rows of one strategy, following the contract literally:
 *
 *   cloudUsd(m)        = Σ_{cloud cells} R(m)·share_t·share_d·cost_t·pf(m)
 *   distributionUsd(m) = Σ_{shipping d} users(m)·share_d·downloads(m)·sizeGB·cdnUsdPerGB
 *   totalUsd(m)        = cloudUsd + distributionUsd + infraUsd
 *   cumulativeUsd(m)   = setupUsd + Σ_{k≤m} totalUsd(k)    (set-up included, as break-even needs)
 */
import { zeros } from "./arrays";
import { downloadShareInMonth, monthlyDownloadShare } from "./distribution";
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

/**
 * What the plan reads of the rows before anyone reads the rows themselves: each month's
 * cumulative cost and the requests over the horizon, by monthlyRows's arithmetic in its
 * order (so the same numbers to the last bit), without a row object per month.
 */
export interface MonthlyTotals {
  /** cumulativeUsd of month i + 1 at index i. */
  cumulativeUsd: number[];
  /** Σ requests over the months, summed in month order from 0 (what summing the rows gives). */
  totalRequests: number;
}

export function monthlyTotals(
  model: PlanModel,
  traffic: TrafficSeries,
  cost: StrategyCost,
  setupUsd: number,
  infraUsd: number,
): MonthlyTotals {
  const mau = model.monthlyActiveUsers;
  const n = traffic.horizonMonths;
  const cumulativeUsd = zeros(n);
  if (n === 0) return { cumulativeUsd, totalRequests: 0 };
  const perGB = model.variantSizeGB * model.cdnUsdPerGB;
  const later = monthlyDownloadShare({
    sizeGB: model.variantSizeGB,
    cdnUsdPerGB: model.cdnUsdPerGB,
    newInstallSharePerMonth: model.newInstallSharePerMonth,
    modelUpdatesPerYear: model.modelUpdatesPerYear,
  });
  const { requestsPerMau, usersPerMau, priceFactor } = traffic;
  const cloudUsdPerRequest = cost.cloudUsdPerRequest;
  const shipped = cost.shippedUserShare;
  let cumulative = setupUsd;
  let totalRequests = 0;
  for (let i = 0; i < n; i++) {
    const requests = mau * requestsPerMau[i]!;
    const users = mau * usersPerMau[i]!;
    const cloudUsd = requests * cloudUsdPerRequest * priceFactor[i]!;
    const distributionUsd = users * shipped * (i === 0 ? 1 : later) * perGB;
    cumulative += cloudUsd + distributionUsd + infraUsd;
    cumulativeUsd[i] = cumulative;
    totalRequests += requests;
  }
  return { cumulativeUsd, totalRequests };
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
