/**
 * Traffic over the horizon, per unit of monthly active users: every cost in the
 * plan is linear in MAU, so the series are computed once for MAU = 1 and scaled.
 * That is also what gives the crossover MAU its closed form (sensitivity.ts).
 *
 *   users(m) = MAU·(1+g/100)^(m−1)
 *   R(m)     = users(m)·requestsPerUserPerDay·activeDaysPerMonth
 *   pf(m)    = (1+priceChangePctPerYear/100)^((m−1)/12)
 */
import { zeros } from "./arrays";

export interface TrafficInput {
  horizonMonths: number;
  requestsPerUserPerDay: number;
  activeDaysPerMonth: number;
  monthlyGrowthPct: number;
  priceChangePctPerYear: number;
}

export interface TrafficSeries {
  horizonMonths: number;
  /** users(m)/MAU, index m−1. */
  usersPerMau: number[];
  /** R(m)/MAU, index m−1. */
  requestsPerMau: number[];
  /** Cloud price multiplier of month m, index m−1. */
  priceFactor: number[];
  /** Σ_m R(m)/MAU. */
  totalRequestsPerMau: number;
  /** Σ_m R(m)·pf(m)/MAU: requests weighted by the month's price, for horizon cloud cost. */
  priceWeightedRequestsPerMau: number;
  /** users(1)/MAU (always 1) and Σ_{m≥2} users(m)/MAU, for distribution (distribution.ts). */
  firstMonthUsersPerMau: number;
  laterUsersPerMau: number;
}

export function trafficSeries(input: TrafficInput): TrafficSeries {
  const h = input.horizonMonths;
  const usersPerMau = zeros(h);
  const requestsPerMau = zeros(h);
  const priceFactor = zeros(h);
  const growth = 1 + input.monthlyGrowthPct / 100;
  const priceChange = 1 + input.priceChangePctPerYear / 100;
  const requestsPerUser = input.requestsPerUserPerDay * input.activeDaysPerMonth;
  let totalRequests = 0;
  let priceWeighted = 0;
  let laterUsers = 0;
  // Running products: (1+g)^i and ((1+p)^(1/12))^i. After 120 months the
  // rounding is ~1e-14 relative, far below a cent; flat series stay exactly 1.
  const monthlyPriceStep = priceChange === 1 ? 1 : Math.pow(priceChange, 1 / 12);
  let users = 1;
  let pf = 1;
  for (let i = 0; i < h; i++) {
    if (i > 0) {
      users *= growth;
      pf *= monthlyPriceStep;
    }
    const requests = users * requestsPerUser;
    usersPerMau[i] = users;
    requestsPerMau[i] = requests;
    priceFactor[i] = pf;
    totalRequests += requests;
    priceWeighted += requests * pf;
    if (i > 0) laterUsers += users;
  }
  return {
    horizonMonths: h,
    usersPerMau,
    requestsPerMau,
    priceFactor,
    totalRequestsPerMau: totalRequests,
    priceWeightedRequestsPerMau: priceWeighted,
    firstMonthUsersPerMau: h > 0 ? 1 : 0,
    laterUsersPerMau: laterUsers,
  };
}

/** The series' sums alone, without the monthly arrays: trafficSeries's loop, the same arithmetic in the same order. */
export type TrafficTotals = Pick<
  TrafficSeries,
  "priceWeightedRequestsPerMau" | "firstMonthUsersPerMau" | "laterUsersPerMau"
>;

export function trafficTotals(input: TrafficInput): TrafficTotals {
  const h = input.horizonMonths;
  const growth = 1 + input.monthlyGrowthPct / 100;
  const priceChange = 1 + input.priceChangePctPerYear / 100;
  const requestsPerUser = input.requestsPerUserPerDay * input.activeDaysPerMonth;
  let priceWeighted = 0;
  let laterUsers = 0;
  const monthlyPriceStep = priceChange === 1 ? 1 : Math.pow(priceChange, 1 / 12);
  let users = 1;
  let pf = 1;
  for (let i = 0; i < h; i++) {
    if (i > 0) {
      users *= growth;
      pf *= monthlyPriceStep;
    }
    priceWeighted += users * requestsPerUser * pf;
    if (i > 0) laterUsers += users;
  }
  return {
    priceWeightedRequestsPerMau: priceWeighted,
    firstMonthUsersPerMau: h > 0 ? 1 : 0,
    laterUsersPerMau: laterUsers,
  };
}

/** R(m) for the scenario's MAU. */
export function requestsInMonth(series: TrafficSeries, monthlyActiveUsers: number, month: number): number {
  return monthlyActiveUsers * (series.requestsPerMau[month - 1] ?? 0);
}
