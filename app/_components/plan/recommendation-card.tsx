/** The answer first: the recommendation in a sentence, its key figures, what binds, the limits in force, and the warnings. */
import type { Plan } from "@/lib/model";
import { readableNumbers } from "@/lib/format/numbers";
import type { RecommendationSummary } from "@/lib/plan-view/summary";

/** A limit the scenario sets, with one change to it (the planner's; a read-only view has none). */
export interface BindingAction {
  id: string;
  text: string;
  binds: boolean;
  changeLabel: string;
  outcome: string | null;
  onApply: () => void;
}

export function RecommendationCard({ plan, summary, actions }: { plan: Plan; summary: RecommendationSummary; actions?: BindingAction[] }) {
  const { warnings, reasons } = plan.recommendation;
  return (
    <section className="recommendation" aria-labelledby="recommendation-title" data-testid="recommendation">
      <h2 id="recommendation-title" className="visually-hidden">
        Recommendation
      </h2>
      <p className="recommendation-headline" data-testid="recommendation-headline">
        {summary.headline}
      </p>
      <dl className="rec-figures">
        {summary.figures.map((f) => (
          <div key={f.label} className="rec-figure">
            <dt>{f.label}</dt>
            <dd data-testid={f.testId}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {summary.binding ? (
        <p className="rec-binding" data-testid="rec-binding">
          <b>What binds:</b> {summary.binding}.
        </p>
      ) : null}
      {actions && actions.length > 0 ? (
        <ul className="rec-limits" aria-label="Limits set in this scenario" data-testid="rec-limits">
          {actions.map((a) => (
            <li key={a.id} className={a.binds ? "binds" : undefined} data-testid={`limit-${a.id}`}>
              {a.binds ? <b>Binds: </b> : null}
              {a.text}.{" "}
              <button type="button" className="link-button" onClick={a.onApply} data-testid={`lift-${a.id}`}>
                {a.changeLabel}
              </button>
              {a.outcome ? <span className="muted"> → {a.outcome}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="rec-more">
        <details className="rec-reasons">
          <summary>Why ({reasons.length} reasons)</summary>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{readableNumbers(r)}</li>
            ))}
          </ul>
        </details>
        {warnings.length > 0 ? (
          <details className="rec-warnings" data-testid="rec-warnings">
            <summary>
              {warnings.length} warning{warnings.length === 1 ? "" : "s"}: estimated or implausible data, low coverage
            </summary>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{readableNumbers(w)}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}
