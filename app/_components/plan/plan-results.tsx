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
import { samePropsData } from "@/lib/plan-view/same-data";
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

// Each chart redraws only when its own figures change. Recharts hands every axis and
// series to its store again whenever a chart re-renders, so a redraw costs several
// milliseconds even with the same data; a new name or a change that moves other charts
// (the monthly active users leave latency, battery and coverage as they were) skips it.
const MonthlyCost = memo(MonthlyCostChart, samePropsData);
const CumulativeTco = memo(CumulativeTcoChart, samePropsData);
const TcoByMau = memo(TcoByMauChart, samePropsData);
const Tornado = memo(TornadoChart, samePropsData);
const Latency = memo(LatencyChart, samePropsData);
const Battery = memo(BatteryChart, samePropsData);
const Coverage = memo(CoverageChart, samePropsData);

interface PlanResultsProps {
  /** The plan the recommendation shows. */
  plan: Plan;
  labels: ScenarioLabels;
  view: ResultView;
  onViewChange: (view: ResultView) => void;
  /**
   * What the charts and tables draw, when it may lag behind `plan`: the planner shows
   * the recommendation of every keystroke at once and lets these follow in the
   * background. Its plan must hold the tornado. By default `plan` and `labels`.
   */
  charted?: { plan: Plan; labels: ScenarioLabels };
}

/**
 * Memoised: the planner re-renders on every keystroke; the results only when a plan
 * changes. The recommendation (a few lines) follows `plan`; the charts and tables
 * (nine Recharts charts, tens of milliseconds to draw) follow `charted`.
 */
export const PlanResults = memo(function PlanResults({ plan, labels, view, onViewChange, charted }: PlanResultsProps) {
  const chartPlan = charted?.plan ?? plan;
  const chartLabels = charted?.labels ?? labels;
  const summary = useMemo(() => recommendationSummary(plan, labels), [plan, labels]);
  const shown = useMemo(
    () => ({
      monthly: monthlyCostSeries(chartPlan),
      cumulative: cumulativeTcoSeries(chartPlan),
      byMau: tcoByMauSeries(chartPlan),
      tornado: tornadoSeries(chartPlan),
      latency: latencySeries(chartPlan),
      battery: batterySeries(chartPlan),
      coverage: coverageSeries(chartPlan),
    }),
    [chartPlan],
  );
  const tables = useMemo(() => (view === "table" ? planTables(chartPlan) : []), [chartPlan, view]);

  return (
    <div className="plan-results">
      <RecommendationCard plan={plan} summary={summary} />
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
          <MonthlyCost series={shown.monthly} />
          <CumulativeTco series={shown.cumulative} />
          <TcoByMau series={shown.byMau} horizonMonths={chartPlan.horizonMonths} />
          <Tornado series={shown.tornado} />
          <Latency series={shown.latency} />
          <div className="chart-pair">
            <Battery series={shown.battery} />
            <Coverage series={shown.coverage} variantName={chartLabels.variantName} />
          </div>
        </div>
      ) : (
        <PlanTables tables={tables} scenarioName={chartPlan.scenarioName} />
      )}
    </div>
  );
});
