/**
 * Monthly cost of each strategy split into cloud tokens, model distribution and
 * infrastructure: one panel per strategy, drawn on a shared y scale so the
 * panels compare at a glance.
 */
import type { Plan, StrategyName } from "@/lib/model";
import { STRATEGY_LABELS, STRATEGY_ORDER } from "./labels";
import { niceAxis, type NiceAxis } from "./nice-scale";

export interface MonthlyCostRow {
  month: number;
  cloudUsd: number;
  distributionUsd: number;
  infraUsd: number;
  totalUsd: number;
}

export interface MonthlyCostPanel {
  strategy: StrategyName;
  label: string;
  feasible: boolean;
  /** Share of requests the strategy leaves unserved (edge-only on phones that cannot run the model). */
  unservedShare: number;
  rows: MonthlyCostRow[];
}

export interface MonthlyCostSeries {
  panels: MonthlyCostPanel[];
  /** The shared y axis: from 0 to the largest month's total of any strategy, in nice steps. */
  yAxis: NiceAxis;
}

export function monthlyCostSeries(plan: Plan): MonthlyCostSeries {
  let maxMonthlyUsd = 0;
  const panels = STRATEGY_ORDER.map((strategy) => {
    const s = plan.strategies[strategy];
    const rows = s.monthly.map((m) => {
      maxMonthlyUsd = Math.max(maxMonthlyUsd, m.totalUsd);
      return { month: m.month, cloudUsd: m.cloudUsd, distributionUsd: m.distributionUsd, infraUsd: m.infraUsd, totalUsd: m.totalUsd };
    });
    return { strategy, label: STRATEGY_LABELS[strategy], feasible: s.feasible, unservedShare: s.unservedShare, rows };
  });
  return { panels, yAxis: niceAxis(maxMonthlyUsd) };
}
