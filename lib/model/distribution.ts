/**
 * What shipping the model file to a device class costs on the CDN.
 *
 *   month 1:   users(1)·share_d·sizeGB·cdnUsdPerGB          (every user downloads it)
 *   month m>1: users(m)·share_d·(newInstallSharePerMonth + modelUpdatesPerYear/12)·sizeGB·cdnUsdPerGB
 */
import type { TrafficTotals } from "./traffic";

export interface DistributionInput {
  sizeGB: number;
  cdnUsdPerGB: number;
  newInstallSharePerMonth: number;
  modelUpdatesPerYear: number;
}

/** Share of a class's users who download the file in month m > 1. */
export function monthlyDownloadShare(input: DistributionInput): number {
  return input.newInstallSharePerMonth + input.modelUpdatesPerYear / 12;
}

/** Download share of month m (1 in month 1). */
export function downloadShareInMonth(input: DistributionInput, month: number): number {
  return month === 1 ? 1 : monthlyDownloadShare(input);
}

export function distributionUsdInMonth(
  input: DistributionInput,
  users: number,
  deviceShare: number,
  month: number,
): number {
  return users * deviceShare * downloadShareInMonth(input, month) * input.sizeGB * input.cdnUsdPerGB;
}

/** Σ_m distribution cost of one class over the horizon, per unit of MAU. */
export function horizonDistributionUsdPerMau(
  input: DistributionInput,
  traffic: TrafficTotals,
  deviceShare: number,
): number {
  const downloads = traffic.firstMonthUsersPerMau + monthlyDownloadShare(input) * traffic.laterUsersPerMau;
  return deviceShare * downloads * input.sizeGB * input.cdnUsdPerGB;
}
