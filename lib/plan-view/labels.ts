/** Names the results use for strategies, cost parts and what keeps requests off the edge. */
import type { BlockCode, StrategyName } from "@/lib/model";

/** Display order: the baseline first, then the mix, then the all-in bet. */
export const STRATEGY_ORDER: readonly StrategyName[] = ["cloudOnly", "hybrid", "edgeOnly"];

export const STRATEGY_LABELS: Record<StrategyName, string> = {
  cloudOnly: "Cloud-only",
  hybrid: "Hybrid",
  edgeOnly: "Edge-only",
};

export const COST_PARTS = ["cloudUsd", "distributionUsd", "infraUsd"] as const;
export type CostPart = (typeof COST_PARTS)[number];

export const COST_PART_LABELS: Record<CostPart, string> = {
  cloudUsd: "Cloud tokens",
  distributionUsd: "Model distribution",
  infraUsd: "Infrastructure",
};

export const BLOCK_LABELS: Record<BlockCode, string> = {
  coverage: "users whose phones cannot run the model",
  variant: "the edge model's size is unknown",
  memory: "phones without enough memory",
  speed: "phones with no speed data",
  quality: "the edge model's quality",
  latency: "the latency budget",
  battery: "the battery cap",
  distribution: "the cost of shipping the model",
  fixed_costs: "the hybrid's set-up and infrastructure costs",
};

/** "other" is the engine's id for users whose phones run no edge model. */
export const OTHER_DEVICE_ID = "other";
export const OTHER_DEVICE_LABEL = "Other phones";
