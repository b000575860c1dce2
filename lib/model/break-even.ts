/**
 * Break-even month of a strategy against cloud-only: the first month whose
 * cumulative cost (set-up included) is ≤ cloud-only's; null when none within the
 * horizon (a result, not an error).
 */
/** Cumulative sums are compared with a relative slack of 1e-12 so that equal costs summed in another order still tie. */
const RELATIVE_SLACK = 1e-12;

/** `strategy`, `cloudOnly`: each month's cumulative cost, month 1 at index 0 (monthlyTotals). */
export function breakEvenMonth(strategy: ArrayLike<number>, cloudOnly: ArrayLike<number>): number | null {
  for (let i = 0; i < strategy.length; i++) {
    const own = strategy[i]!;
    const cloud = i < cloudOnly.length ? cloudOnly[i]! : Number.POSITIVE_INFINITY;
    if (own <= cloud + RELATIVE_SLACK * Math.max(1, Math.abs(cloud))) return i + 1;
  }
  return null;
}

/** Tie test used for the recommendation (cloud-only wins a tie). */
export function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_SLACK * Math.max(1, Math.abs(a), Math.abs(b));
}
