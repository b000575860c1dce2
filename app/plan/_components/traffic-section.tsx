"use client";

import { formatCount } from "@/lib/format/numbers";
import { useEditor } from "./editor-context";
import { NumberField } from "./fields";
import { Fold } from "./fold";

/** Decision 1: how many people ask how often. The shape over time (days, growth, horizon) folds. */
export function TrafficSection() {
  const { draft, plan } = useEditor();
  const { traffic } = draft;
  // The engine's own month-1 figure, so the editor never restates its traffic formula.
  const monthOne = plan?.strategies.cloudOnly.monthly[0]?.requests;
  return (
    <section className="editor-section decision" aria-labelledby="decision-traffic" data-testid="decision-traffic">
      <h3 id="decision-traffic">Traffic</h3>
      <div className="field-grid">
        <NumberField
          path={["traffic", "monthlyActiveUsers"]}
          label="Monthly active users"
          unit="users"
          step={1000}
          hint={`${formatCount(traffic.monthlyActiveUsers)} users`}
          testId="input-mau"
        />
        <NumberField
          path={["traffic", "requestsPerUserPerDay"]}
          label="Requests per user per day"
          unit="requests"
          step={1}
          hint={<span data-testid="monthly-requests">{monthOne === undefined ? "–" : formatCount(monthOne)} in month 1</span>}
        />
      </div>
      <Fold
        title={
          <>
            Over time: {traffic.activeDaysPerMonth} days/mo · {traffic.monthlyGrowthPct}% growth/mo · {draft.horizonMonths} months
          </>
        }
        paths={["traffic.activeDaysPerMonth", "traffic.monthlyGrowthPct", "horizonMonths"]}
        testId="fold-traffic"
      >
        <div className="field-grid">
          <NumberField path={["traffic", "activeDaysPerMonth"]} label="Active days per month" unit="days" />
          <NumberField path={["traffic", "monthlyGrowthPct"]} label="User growth" unit="%/month" step={0.5} />
          <NumberField path={["horizonMonths"]} label="Horizon" unit="months" step={12} />
        </div>
      </Fold>
    </section>
  );
}
