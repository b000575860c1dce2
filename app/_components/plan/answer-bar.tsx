/**
 * The answer in one line, for narrow screens: it stays at the top while the
 * editor scrolls beneath it, so an edit's effect is seen where it is made.
 */
import type { RecommendationSummary } from "@/lib/plan-view/summary";

const SHOWN = ["rec-strategy", "rec-month-first", "rec-tco", "rec-savings"];

export function AnswerBar({ summary, stale }: { summary: RecommendationSummary; stale: boolean }) {
  const figures = summary.figures.filter((f) => SHOWN.includes(f.testId));
  return (
    <a href="#recommendation-title" className={`answer-bar${stale ? " answer-bar-stale" : ""}`} data-testid="answer-bar" aria-label="The answer so far; go to the full recommendation">
      {figures.map((f) => (
        <span key={f.testId} className="answer-bar-figure">
          <small>{f.label}</small>
          <b>{f.value}</b>
        </span>
      ))}
    </a>
  );
}
