/**
 * Every chart colour, as a CSS variable: globals.css sets the light and the dark value of
 * each, so the charts follow the colour scheme and no chart names a colour of its own.
 */
import type { StrategyName } from "@/lib/model";
import type { CostPart } from "@/lib/plan-view/labels";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

/** Series in order (tiers, devices, scenarios); repeat past the eighth. */
const SERIES_COLOURS = 8;

export function seriesColor(index: number): string {
  return `var(--chart-series-${index % SERIES_COLOURS})`;
}

export const strategyColors: Record<StrategyName, string> = {
  cloudOnly: "var(--chart-cloud)",
  hybrid: "var(--chart-hybrid)",
  edgeOnly: "var(--chart-edge)",
};

export const costPartColors: Record<CostPart, string> = {
  cloudUsd: "var(--chart-cloud)",
  distributionUsd: "var(--chart-distribution)",
  infraUsd: "var(--chart-infra)",
};

/** Users by what their phones do with the model. */
export const coverageColors = {
  ships: "var(--chart-hybrid)",
  canRun: "var(--chart-can-run)",
  cannotRun: "var(--chart-cannot-run)",
  other: "var(--chart-other)",
} as const;

/** The same colours as the status words in tables. */
export const statusColors: Record<DataStatus, string> = {
  measured: "var(--measured)",
  claimed: "var(--claimed)",
  estimated: "var(--estimated)",
};

/** The tornado's two sides: the input 25 % lower and 25 % higher. */
export const tornadoColors = { low: "var(--chart-low)", high: "var(--chart-high)" } as const;

/** Dashed guides: a base value, the line y = x, a bound. */
export const markerColor = "var(--chart-marker)";
/** A limit the user set (the latency budget). */
export const limitColor = "var(--chart-limit)";
export const implausibleColor = "var(--implausible)";
export const pointColor = "var(--chart-series-0)";
