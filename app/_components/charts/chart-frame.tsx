/**
 * A chart's frame: an optional title, a fixed height (nothing below moves when the chart
 * draws after hydration), an accessible label, the chart sized to the frame's width, and
 * an optional note under it. `empty` replaces the chart with a sentence.
 */
import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

interface ChartFrameProps {
  title?: string;
  testId: string;
  ariaLabel: string;
  height: number;
  note?: ReactNode;
  empty?: ReactNode;
  children?: ReactElement;
}

export function ChartFrame({ title, testId, ariaLabel, height, note, empty, children }: ChartFrameProps) {
  return (
    <figure className="chart" data-testid={testId}>
      {title ? <figcaption>{title}</figcaption> : null}
      <div className="chart-body" role="img" aria-label={ariaLabel} style={{ height }}>
        {empty ?? (
          <ResponsiveContainer width="100%" height={height}>
            {children}
          </ResponsiveContainer>
        )}
      </div>
      {note ? <div className="chart-note">{note}</div> : null}
    </figure>
  );
}
