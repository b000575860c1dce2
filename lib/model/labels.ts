/**
 * The words for strategies and for what blocks the edge, in a module of their own with no
 * other imports: the planner's first load reads them (lib/plan-view/labels.ts), and taking
 * them from recommendation.ts pulled that module's dependencies into the page's first script.
 */
import type { BlockCode, StrategyName } from "./model";

export const STRATEGY_LABELS: Record<StrategyName, string> = { cloudOnly: "Cloud-only", hybrid: "Hybrid", edgeOnly: "Edge-only" };

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
