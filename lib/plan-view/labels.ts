/** Names the results use for strategies, cost parts and what keeps requests off the edge. */
import type { StrategyName } from "@/lib/model";

/** Display order: the baseline first, then the mix, then the all-in bet. */
export const STRATEGY_ORDER: readonly StrategyName[] = ["cloudOnly", "hybrid", "edgeOnly"];

// From the module that defines them, not the engine's index: a page showing a plan loads no engine.
export { BLOCK_LABELS, STRATEGY_LABELS } from "@/lib/model/labels";

export const COST_PARTS = ["cloudUsd", "distributionUsd", "infraUsd"] as const;
export type CostPart = (typeof COST_PARTS)[number];

export const COST_PART_LABELS: Record<CostPart, string> = {
  cloudUsd: "Cloud tokens",
  distributionUsd: "Model distribution",
  infraUsd: "Infrastructure",
};

/** "other" is the engine's id for users whose phones run no edge model. */
export const OTHER_DEVICE_ID = "other";
export const OTHER_DEVICE_LABEL = "Other phones";
