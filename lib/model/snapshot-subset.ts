/**
 * The part of a snapshot one scenario reads: what a saved scenario stores so a
 * shared link shows the same numbers later (the devices, variant, runs of the
 * variant and price it names). Planning with the subset gives the same plan: it
 * keeps what the whole dataset's measured runs taught (`speedModel`).
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";
import { learnSpeedModel } from "./learned-speed";

export function snapshotForScenario(scenario: Scenario, data: DatasetSnapshot): DatasetSnapshot {
  const variantId = typeof scenario.edge.variant === "string" ? scenario.edge.variant.trim() : null;
  const priceId = typeof scenario.cloud.price === "string" ? scenario.cloud.price.trim() : null;
  const runs = variantId === null ? [] : data.runs.filter((r) => r.variantId === variantId);
  // Runs on devices outside the scenario inform estimates (first-token time, power), so keep their devices too.
  const deviceIds = new Set<string>(runs.map((r) => r.deviceId));
  for (const ref of [...scenario.devices.map((d) => d.device), ...scenario.edge.runs.map((r) => r.device)]) {
    if (typeof ref === "string") deviceIds.add(ref.trim());
  }
  return {
    devices: data.devices.filter((d) => deviceIds.has(d.id)),
    variants: data.variants.filter((v) => v.id === variantId),
    runs,
    prices: data.prices.filter((p) => p.id === priceId),
    speedModel: data.speedModel ?? learnSpeedModel(data.runs, data.devices, data.variants),
  };
}
