/**
 * What moved in the results when a saved scenario is planned again with today's
 * data: the TCO of each strategy, the recommendation, savings, break-even and the
 * crossover volume, saved value beside today's value.
 */
import { formatMonth, formatShare, formatUsd, formatUsers } from "@/lib/format/numbers";
import type { Plan } from "@/lib/model";
import { STRATEGY_LABELS, STRATEGY_ORDER } from "./labels";

export interface PlanDiffRow {
  what: string;
  before: string;
  after: string;
  /** "+$1.2K", "−3.0%"… for figures; null when the row is not a number or did not move. */
  change: string | null;
  changed: boolean;
}

function usdChange(before: number, after: number): string | null {
  const delta = after - before;
  if (delta === 0) return null;
  const pct = before !== 0 ? ` (${delta > 0 ? "+" : "−"}${formatShare(Math.abs(delta / before))})` : "";
  return `${delta > 0 ? "+" : ""}${formatUsd(delta)}${pct}`;
}

/** "+8 months" (later), "−2 months" (sooner); null when either never breaks even. */
function monthChange(before: number | null, after: number | null): string | null {
  if (before === null || after === null || before === after) return null;
  const delta = after - before;
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta)} month${Math.abs(delta) === 1 ? "" : "s"}`;
}

function row(what: string, before: string, after: string, change: string | null = null): PlanDiffRow {
  return { what, before, after, change: before === after ? null : change, changed: before !== after };
}

export function planDiff(saved: Plan, today: Plan): PlanDiffRow[] {
  const rows: PlanDiffRow[] = [
    row("Recommendation", STRATEGY_LABELS[saved.recommendation.strategy], STRATEGY_LABELS[today.recommendation.strategy]),
  ];
  for (const name of STRATEGY_ORDER) {
    const a = saved.strategies[name].tcoUsd;
    const b = today.strategies[name].tcoUsd;
    rows.push(row(`${STRATEGY_LABELS[name]} TCO`, formatUsd(a), formatUsd(b), usdChange(a, b)));
  }
  rows.push(
    row(
      "Savings of the recommendation",
      formatUsd(saved.recommendation.savingsUsd),
      formatUsd(today.recommendation.savingsUsd),
      usdChange(saved.recommendation.savingsUsd, today.recommendation.savingsUsd),
    ),
  );
  for (const name of ["hybrid", "edgeOnly"] as const) {
    const a = saved.strategies[name].breakEvenMonth;
    const b = today.strategies[name].breakEvenMonth;
    rows.push(row(`${STRATEGY_LABELS[name]} break-even`, formatMonth(a), formatMonth(b), monthChange(a, b)));
  }
  rows.push(
    row("Requests on the edge (recommended)", formatShare(saved.recommendation.edgeShare), formatShare(today.recommendation.edgeShare)),
  );
  const crossover = (p: Plan) => {
    const mau = p.sensitivity.crossoverMonthlyActiveUsers;
    return mau === null ? "none" : `${formatUsers(mau)} MAU`;
  };
  rows.push(row("Hybrid = cloud-only at", crossover(saved), crossover(today)));
  return rows;
}
