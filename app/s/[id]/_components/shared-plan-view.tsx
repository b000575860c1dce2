"use client";

/**
 * A shared plan as saved, with what moved in the data since and, on request, the
 * same scenario recomputed with today's data beside the saved numbers. The saved
 * scenario itself never changes: editing opens a copy in the planner.
 */
import Link from "next/link";
import { useMemo, useState } from "react";
import { PlanResults } from "@/app/_components/plan/plan-results";
import { formatCount, formatFigure } from "@/lib/format/numbers";
import type { Plan } from "@/lib/model";
import { planDiff } from "@/lib/plan-view/plan-diff";
import type { ScenarioLabels } from "@/lib/plan-view/scenario-labels";
import type { ResultView } from "@/lib/planner/url-state";
import type { Scenario } from "@/lib/schemas/scenario";
import type { DataChange } from "@/lib/share/data-changes";

export type TodaysPlan = { plan: Plan; labels: ScenarioLabels; error: null } | { plan: null; labels: null; error: string };

interface SharedPlanViewProps {
  id: string;
  createdAt: string;
  scenario: Scenario;
  plan: Plan;
  labels: ScenarioLabels;
  dataChanges: DataChange[];
  today: TodaysPlan | null;
  editorHref: string;
}

function changeValue(value: DataChange["before"]): string {
  if (value === null) return "–";
  return typeof value === "number" ? formatFigure(value) : value;
}

function savedOn(createdAt: string): string {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? createdAt : date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function SharedPlanView({ id, createdAt, scenario, plan, labels, dataChanges, today, editorHref }: SharedPlanViewProps) {
  const [view, setView] = useState<ResultView>("charts");
  const [showToday, setShowToday] = useState(false);
  const diff = useMemo(() => (today?.plan ? planDiff(plan, today.plan) : []), [plan, today]);
  const shownPlan = showToday && today?.plan ? today.plan : plan;
  const shownLabels = showToday && today?.labels ? today.labels : labels;
  const { traffic } = scenario;

  return (
    <div className="shared-plan" data-testid="shared-plan">
      <div className="planner-head">
        <div>
          <h1 data-testid="shared-name">{scenario.name}</h1>
          <p className="lede">
            Shared plan <code>{id}</code>, saved {savedOn(createdAt)}. {formatCount(traffic.monthlyActiveUsers)} monthly users ·{" "}
            {formatFigure(traffic.requestsPerUserPerDay)} requests/user/day · {labels.variantName} on the phone vs{" "}
            {labels.priceName}.
          </p>
        </div>
        <div className="planner-actions">
          <Link className="button button-primary" href={editorHref} data-testid="open-in-editor">
            Open in editor as a copy
          </Link>
          <Link className="button" href={`/compare?ids=${id}`} data-testid="compare-this">
            Compare with other plans
          </Link>
        </div>
      </div>

      {dataChanges.length > 0 ? (
        <section className="data-changes" aria-labelledby="data-changes-title" data-testid="data-changes">
          <h2 id="data-changes-title">The data has changed since this plan was saved</h2>
          <p>
            {showToday
              ? "The results below use today's data."
              : "The results below are the saved ones, computed with the data of that day."}
          </p>
          <ul className="change-list">
            {dataChanges.map((change) => (
              <li key={change.what} data-testid="data-change">
                {change.what}: <span className="before">{changeValue(change.before)}</span> →{" "}
                <span className="after">{changeValue(change.after)}</span>
              </li>
            ))}
          </ul>
          {today?.error ? (
            <p className="field-error" role="alert">
              {today.error}
            </p>
          ) : (
            <button
              type="button"
              className="button button-primary"
              aria-pressed={showToday}
              onClick={() => setShowToday((s) => !s)}
              data-testid="recompute"
            >
              {showToday ? "Show the saved numbers" : "Recompute with today's data"}
            </button>
          )}
          {showToday && diff.length > 0 ? (
            <div className="table-scroll">
              <table className="plan-diff" data-testid="plan-diff">
                <caption className="visually-hidden">What moved in the results</caption>
                <thead>
                  <tr>
                    <th scope="col">Result</th>
                    <th scope="col" className="num">
                      Saved
                    </th>
                    <th scope="col" className="num">
                      Today
                    </th>
                    <th scope="col" className="num">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map((row) => (
                    <tr key={row.what} className={row.changed ? "changed" : undefined} data-testid="plan-diff-row">
                      <th scope="row">{row.what}</th>
                      <td className="num">{row.before}</td>
                      <td className="num">{row.after}</td>
                      <td className="num">{row.change ?? (row.changed ? "changed" : "–")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : (
        <p className="note" data-testid="data-unchanged">
          The data this plan used has not changed since it was saved.
        </p>
      )}

      <section className="results" aria-label="Results" data-testid="results">
        <PlanResults plan={shownPlan} labels={shownLabels} view={view} onViewChange={setView} />
      </section>
    </div>
  );
}
