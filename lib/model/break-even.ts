/**
 * Break-even month of a strategy against cloud-only: the first month whose
 * cumulative cost (set-up included) is ≤ cloud-only's; null when none within the
 * horizon (a result, not an error).
 */
import type { MonthRow } from "./monthly";

/** Cumulative sums are compared with a relative slack of 1e-12 so that equal costs summed in another order still tie. */
const RELATIVE_SLACK = 1e-12;

export function breakEvenMonth(strategy: readonly MonthRow[], cloudOnly: readonly MonthRow[]): number | null {
  for (let i = 0; i < strategy.length; i++) {
    const own = strategy[i]!.cumulativeUsd;
    const cloud = cloudOnly[i]?.cumulativeUsd ?? Number.POSITIVE_INFINITY;
    if (own <= cloud + RELATIVE_SLACK * Math.max(1, Math.abs(cloud))) return strategy[i]!.month;
  }
  return null;
}

/** Tie test used for the recommendation (cloud-only wins a tie). */
export function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_SLACK * Math.max(1, Math.abs(a), Math.abs(b));
}
