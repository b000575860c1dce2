/**
 * Shared Recharts props: axis ticks and labels, the tooltip box, the legend and the grid.
 * Text colours come from globals.css (`.chart` rules), so light and dark both read.
 */
import type { CSSProperties } from "react";

export const axisTick = { fontSize: 12 };
export const smallAxisTick = { fontSize: 11 };

/** An axis title: along the bottom of an x axis, or turned up the left of a y axis. */
export function axisLabel(value: string, axis: "x" | "y") {
  return axis === "x"
    ? { value, position: "insideBottom" as const, offset: -12, fontSize: 12 }
    : { value, angle: -90, position: "insideLeft" as const, fontSize: 12, style: { textAnchor: "middle" as const } };
}

/** A reference line's label. */
export function markLabel(value: string, position: "top" | "insideTopLeft" = "top") {
  return { value, position, fontSize: 11, fill: "var(--fg)" };
}

export const gridDash = "3 3";

export const legendStyle: CSSProperties = { fontSize: 12 };

/** Recharts' own tooltip (`contentStyle`), boxed like the custom `.chart-tooltip` ones. */
export const tooltipStyle: CSSProperties = {
  background: "var(--card)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  color: "var(--fg)",
  fontSize: 12,
};
