/**
 * A chart's frame: title, a fixed height (nothing below moves when the chart draws
 * after hydration), an accessible label, and an optional note under it.
 */
import type { ReactNode } from "react";

interface ChartFrameProps {
  title: string;
  testId: string;
  ariaLabel: string;
  height: number;
  note?: ReactNode;
  children: ReactNode;
}

export function ChartFrame({ title, testId, ariaLabel, height, note, children }: ChartFrameProps) {
  return (
    <figure className="plan-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="plan-chart-body" role="img" aria-label={ariaLabel} style={{ height }}>
        {children}
      </div>
      {note ? <div className="plan-chart-note">{note}</div> : null}
    </figure>
  );
}
