/** Human names for what a scenario points at, read from the dataset it was planned with. */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";

export interface ScenarioLabels {
  /** The edge model, e.g. "Qwen3 1.7B Q4_K_M". */
  variantName: string;
  /** The cloud model, e.g. "deepseek-chat (deepseek)". */
  priceName: string;
}

export function scenarioLabels(scenario: Scenario, data: DatasetSnapshot): ScenarioLabels {
  const { variant } = scenario.edge;
  const { price } = scenario.cloud;
  const datasetVariant = typeof variant === "string" ? data.variants.find((v) => v.id === variant.trim()) : undefined;
  const datasetPrice = typeof price === "string" ? data.prices.find((p) => p.id === price.trim()) : undefined;
  return {
    variantName: typeof variant === "string" ? (datasetVariant?.name ?? variant) : variant.name,
    priceName:
      typeof price === "string"
        ? datasetPrice
          ? `${datasetPrice.name} (${datasetPrice.provider})`
          : price
        : price.name,
  };
}
