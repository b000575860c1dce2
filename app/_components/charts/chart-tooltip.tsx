/** The box of a custom tooltip: a title line, then what the chart passes in. */
import type { ReactNode } from "react";

export function ChartTooltip({ title, wide, children }: { title: ReactNode; wide?: boolean; children?: ReactNode }) {
  return (
    <div className={wide ? "chart-tooltip chart-tooltip-wide" : "chart-tooltip"}>
      <b>{title}</b>
      {children}
    </div>
  );
}

/** A line of a tooltip's list, with the series' colour. */
export function TooltipItem({ color, children }: { color: string; children: ReactNode }) {
  return (
    <li>
      <span className="swatch" style={{ background: color }} aria-hidden="true" />
      {children}
    </li>
  );
}
