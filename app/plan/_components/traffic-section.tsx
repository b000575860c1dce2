"use client";

import { formatCount } from "@/lib/format/numbers";
import { CatalogueFields, CatalogueFold } from "./catalogue-fields";
import { useEditor } from "./editor-context";

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
        <CatalogueFields
          section="traffic"
          extra={{
            "traffic.monthlyActiveUsers": { hint: `${formatCount(traffic.monthlyActiveUsers)} users`, testId: "input-mau" },
            "traffic.requestsPerUserPerDay": {
              hint: <span data-testid="monthly-requests">{monthOne === undefined ? "–" : formatCount(monthOne)} in month 1</span>,
            },
          }}
        />
      </div>
      <CatalogueFold
        section="traffic.overTime"
        title={
          <>
            Over time: {traffic.activeDaysPerMonth} days/mo · {traffic.monthlyGrowthPct}% growth/mo · {draft.horizonMonths} months
          </>
        }
        testId="fold-traffic"
      />
    </section>
  );
}
