"use client";

/**
 * A plan's results, the same on the planner and on a shared link: the
 * recommendation, then the charts or the table view of the same numbers (and, on
 * the planner, every cloud price for the scenario). Every series comes from
 * lib/plan-view; nothing here computes.
 */
import dynamic from "next/dynamic";
import { memo, useMemo, type ReactNode } from "react";
import type { Plan } from "@/lib/model";
import type { ScenarioLabels } from "@/lib/plan-view/scenario-labels";
import { recommendationSummary } from "@/lib/plan-view/summary";
import type { ResultView } from "@/lib/planner/url-state";
import type { BindingAction } from "./recommendation-card";
import { RecommendationCard } from "./recommendation-card";

// The charts (and Recharts with them) load after the answer: the recommendation is
// on screen first, and the charts' room is held so nothing jumps when they arrive.
const PlanCharts = dynamic(() => import("./plan-charts"), {
  ssr: false,
  loading: () => <ChartsLoading />,
});

// The tables (and their CSV and Markdown exports) load when their view is chosen.
const PlanTableView = dynamic(() => import("./plan-table-view"), {
  loading: () => (
    <p className="chart-loading" data-testid="tables-loading">
      Loading the tables…
    </p>
  ),
});

const VIEW_LABELS: Record<ResultView, string> = { charts: "Charts", table: "Table", prices: "Every cloud price" };

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
  /** The "every cloud price" view; without it the view is not offered. */
  prices?: ReactNode;
  /** One-click changes to what binds the answer (the planner's); none on a read-only view. */
  bindingActions?: BindingAction[];
  /** The charts wait (their room held, said in words) until this is false: the planner's first keystroke comes first. */
  holdCharts?: boolean;
}

function ChartsLoading() {
  return (
    <p className="chart-loading" data-testid="charts-loading">
      Drawing the charts…
    </p>
  );
}

/**
 * Memoised: the planner re-renders on every keystroke; the results only when a plan
 * changes. The recommendation (a few lines) follows `plan`; the charts and tables
 * (nine Recharts charts, tens of milliseconds to draw) follow `charted`.
 */
export const PlanResults = memo(function PlanResults({
  plan,
  labels,
  view,
  onViewChange,
  charted,
  prices,
  bindingActions,
  holdCharts = false,
}: PlanResultsProps) {
  const chartPlan = charted?.plan ?? plan;
  const chartLabels = charted?.labels ?? labels;
  const summary = useMemo(() => recommendationSummary(plan, labels), [plan, labels]);
  const shownView: ResultView = view === "prices" && !prices ? "charts" : view;
  const views: ResultView[] = prices ? ["charts", "table", "prices"] : ["charts", "table"];

  return (
    <div className="plan-results">
      <RecommendationCard plan={plan} summary={summary} actions={bindingActions} />
      <div className="view-switch" role="group" aria-label="Results view">
        {views.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={shownView === v}
            className={shownView === v ? "active" : undefined}
            onClick={() => onViewChange(v)}
            data-testid={`view-${v}`}
          >
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
      {shownView === "charts" ? (
        holdCharts ? (
          <ChartsLoading />
        ) : (
          <PlanCharts plan={chartPlan} variantName={chartLabels.variantName} />
        )
      ) : shownView === "table" ? (
        <PlanTableView plan={chartPlan} />
      ) : (
        prices
      )}
    </div>
  );
});
