"use client";

/**
 * A plan's results, the same on the planner and on a shared link: the
 * recommendation, then the charts or the table view of the same numbers.
 * Every series comes from lib/plan-view; nothing here computes.
 */
import { memo, useMemo } from "react";
import type { Plan } from "@/lib/model";
import { batterySeries } from "@/lib/plan-view/battery";
import { coverageSeries } from "@/lib/plan-view/coverage";
import { cumulativeTcoSeries } from "@/lib/plan-view/cumulative-tco";
import { latencySeries } from "@/lib/plan-view/latency";
import { monthlyCostSeries } from "@/lib/plan-view/monthly-cost";
import type { ScenarioLabels } from "@/lib/plan-view/scenario-labels";
import { recommendationSummary } from "@/lib/plan-view/summary";
import { planTables } from "@/lib/plan-view/tables";
import { tcoByMauSeries } from "@/lib/plan-view/tco-by-mau";
import { tornadoSeries } from "@/lib/plan-view/tornado";
import type { ResultView } from "@/lib/planner/url-state";
import { BatteryChart } from "./battery-chart";
import { CoverageChart } from "./coverage-chart";
import { CumulativeTcoChart } from "./cumulative-tco-chart";
import { LatencyChart } from "./latency-chart";
import { MonthlyCostChart } from "./monthly-cost-chart";
import { PlanTables } from "./plan-tables";
import { RecommendationCard } from "./recommendation-card";
import { TcoByMauChart } from "./tco-by-mau-chart";
import { TornadoChart } from "./tornado-chart";

interface PlanResultsProps {
  plan: Plan;
  labels: ScenarioLabels;
  view: ResultView;
  onViewChange: (view: ResultView) => void;
}

/**
 * Memoised: the planner re-renders on every keystroke, while the plan (deferred)
 * changes only once typing settles; redrawing nine charts per keystroke would lag.
 */
export const PlanResults = memo(function PlanResults({ plan, labels, view, onViewChange }: PlanResultsProps) {
  const shown = useMemo(
    () => ({
      summary: recommendationSummary(plan, labels),
      monthly: monthlyCostSeries(plan),
      cumulative: cumulativeTcoSeries(plan),
      byMau: tcoByMauSeries(plan),
      tornado: tornadoSeries(plan),
      latency: latencySeries(plan),
      battery: batterySeries(plan),
      coverage: coverageSeries(plan),
    }),
    [plan, labels],
  );
  const tables = useMemo(() => (view === "table" ? planTables(plan) : []), [plan, view]);

  return (
    <div className="plan-results">
      <RecommendationCard plan={plan} summary={shown.summary} />
      <div className="view-switch" role="group" aria-label="Results view">
        {(["charts", "table"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            className={view === v ? "active" : undefined}
            onClick={() => onViewChange(v)}
            data-testid={`view-${v}`}
          >
            {v === "charts" ? "Charts" : "Table"}
          </button>
        ))}
      </div>
      {view === "charts" ? (
        <div className="plan-charts">
          <MonthlyCostChart series={shown.monthly} />
          <CumulativeTcoChart series={shown.cumulative} />
          <TcoByMauChart series={shown.byMau} horizonMonths={plan.horizonMonths} />
          <TornadoChart series={shown.tornado} />
          <LatencyChart series={shown.latency} />
          <div className="chart-pair">
            <BatteryChart series={shown.battery} />
            <CoverageChart series={shown.coverage} variantName={labels.variantName} />
          </div>
        </div>
      ) : (
        <PlanTables tables={tables} scenarioName={plan.scenarioName} />
      )}
    </div>
  );
});
