/**
 * Colours and shared chart props for the plan charts. Colours are CSS variables
 * (plan.css sets light and dark values), so the charts follow the colour scheme.
 */
import type { CSSProperties } from "react";
import type { StrategyName } from "@/lib/model";
import type { CostPart } from "@/lib/plan-view/labels";

export const strategyColors: Record<StrategyName, string> = {
  cloudOnly: "var(--plan-cloud)",
  hybrid: "var(--plan-hybrid)",
  edgeOnly: "var(--plan-edge)",
};

export const costPartColors: Record<CostPart, string> = {
  cloudUsd: "var(--plan-cloud)",
  distributionUsd: "var(--plan-distribution)",
  infraUsd: "var(--plan-infra)",
};

/** Tier bars, in tier order; the throttling extension is the same colour, lighter. */
export const tierColors = ["var(--plan-tier-0)", "var(--plan-tier-1)", "var(--plan-tier-2)", "var(--plan-tier-3)", "var(--plan-tier-4)"];

/** The tornado's two sides: the input 25 % lower and 25 % higher. */
export const tornadoColors = { low: "var(--plan-tornado-low)", high: "var(--plan-tornado-high)" } as const;

export const markerColor = "var(--plan-marker)";
export const budgetColor = "var(--plan-budget)";

export const axisTick = { fontSize: 12 };

export const tooltipStyle: CSSProperties = {
  background: "var(--card)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  color: "var(--fg)",
  fontSize: 12,
};
