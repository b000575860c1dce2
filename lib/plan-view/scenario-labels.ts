/** Human names for what a scenario points at, read from the dataset it was planned with. */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";

export interface ScenarioLabels {
  /** The edge model, e.g. "Qwen3 1.7B Q4_K_M". */
  variantName: string;
  /** The cloud model, e.g. "deepseek-chat (deepseek)". */
  priceName: string;
  /** Dataset devices by id ("samsung-s23" → "Samsung Galaxy S23"), for the ones the scenario names. */
  deviceNames: Record<string, string>;
}

export function scenarioLabels(scenario: Scenario, data: DatasetSnapshot): ScenarioLabels {
  const { variant } = scenario.edge;
  const { price } = scenario.cloud;
  const datasetVariant = typeof variant === "string" ? data.variants.find((v) => v.id === variant.trim()) : undefined;
  const datasetPrice = typeof price === "string" ? data.prices.find((p) => p.id === price.trim()) : undefined;
  const deviceNames: Record<string, string> = {};
  for (const entry of scenario.devices) {
    if (typeof entry.device !== "string") continue;
    const id = entry.device.trim();
    const device = data.devices.find((d) => d.id === id);
    if (device) deviceNames[id] = device.name;
  }
  return {
    deviceNames,
    variantName: typeof variant === "string" ? (datasetVariant?.name ?? variant) : variant.name,
    priceName:
      typeof price === "string"
        ? datasetPrice
          ? `${datasetPrice.name} (${datasetPrice.provider})`
          : price
        : price.name,
  };
}
