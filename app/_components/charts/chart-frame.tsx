/**
 * A chart's frame: an optional title, a fixed height (nothing below moves when the chart
 * draws after hydration), an accessible label, the chart sized to the frame's width, and
 * an optional note under it. `empty` replaces the chart with a sentence. A chart that
 * cannot be read narrower than `minWidth` scrolls sideways inside its frame on a narrow
 * screen; the page itself never does.
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
  minWidth?: number;
  children?: ReactElement;
}

export function ChartFrame({ title, testId, ariaLabel, height, note, empty, minWidth, children }: ChartFrameProps) {
  const body = (
    <div className="chart-body" role="img" aria-label={ariaLabel} style={{ height, minWidth }}>
      {empty ?? (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      )}
    </div>
  );
  return (
    <figure className="chart" data-testid={testId}>
      {title ? <figcaption>{title}</figcaption> : null}
      {minWidth === undefined ? body : <div className="chart-scroll">{body}</div>}
      {note ? <div className="chart-note">{note}</div> : null}
    </figure>
  );
}
