/**
 * Cumulative cost of each strategy month by month, starting at month 0 with the
 * set-up alone (the investment the edge has to pay back), and the month each
 * strategy breaks even against cloud-only.
 */
import type { Plan, StrategyName } from "@/lib/model";
import { formatShare } from "@/lib/format/numbers";
import { STRATEGY_LABELS, STRATEGY_ORDER } from "./labels";

export type CumulativeRow = { month: number } & Record<StrategyName, number>;

export interface BreakEvenMark {
  strategy: StrategyName;
  month: number;
  /** An infeasible strategy's break-even is not marked on the chart: it leaves requests unserved. */
  feasible: boolean;
  label: string;
}

export interface CumulativeTcoSeries {
  rows: CumulativeRow[];
  breakEvens: BreakEvenMark[];
}

export function cumulativeTcoSeries(plan: Plan): CumulativeTcoSeries {
  const { cloudOnly, hybrid, edgeOnly } = plan.strategies;
  const rows: CumulativeRow[] = [
    { month: 0, cloudOnly: cloudOnly.setupUsd, hybrid: hybrid.setupUsd, edgeOnly: edgeOnly.setupUsd },
  ];
  for (let i = 0; i < plan.horizonMonths; i++) {
    rows.push({
      month: i + 1,
      cloudOnly: cloudOnly.monthly[i]?.cumulativeUsd ?? 0,
      hybrid: hybrid.monthly[i]?.cumulativeUsd ?? 0,
      edgeOnly: edgeOnly.monthly[i]?.cumulativeUsd ?? 0,
    });
  }
  const breakEvens = STRATEGY_ORDER.flatMap((strategy) => {
    const { breakEvenMonth: month, feasible, unservedShare } = plan.strategies[strategy];
    if (strategy === "cloudOnly" || month === null) return [];
    const label = feasible
      ? `${STRATEGY_LABELS[strategy]} breaks even: month ${month}`
      : `${STRATEGY_LABELS[strategy]} would break even in month ${month} but is infeasible` +
        (unservedShare > 0 ? ` (${formatShare(unservedShare)} of requests unserved)` : "");
    return [{ strategy, month, feasible, label }];
  });
  return { rows, breakEvens };
}
