/**
 * A scenario built from the dataset when no example scenario is available:
 * the schema's defaults, the first model variant with a known size and the most
 * runs, its two best-covered devices, and the cheapest current price.
 * null when the dataset has no variant or no price to plan with.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";

export function fallbackScenario(data: DatasetSnapshot): Scenario | null {
  const runCount = new Map<string, number>();
  for (const run of data.runs) runCount.set(run.variantId, (runCount.get(run.variantId) ?? 0) + 1);
  const variant = data.variants
    .filter((v) => v.sizeGB !== null)
    .sort((a, b) => (runCount.get(b.id) ?? 0) - (runCount.get(a.id) ?? 0) || a.id.localeCompare(b.id))[0];
  const price = [...data.prices].sort(
    (a, b) => a.inputUsdPerMTok + a.outputUsdPerMTok - (b.inputUsdPerMTok + b.outputUsdPerMTok) || a.id.localeCompare(b.id),
  )[0];
  if (!variant || !price) return null;

  const devicesWithRuns = new Map<string, number>();
  for (const run of data.runs) {
    if (run.variantId === variant.id) devicesWithRuns.set(run.deviceId, (devicesWithRuns.get(run.deviceId) ?? 0) + 1);
  }
  const devices = data.devices
    .filter((d) => d.kind === "phone" && d.ramGB !== null)
    .sort((a, b) => (devicesWithRuns.get(b.id) ?? 0) - (devicesWithRuns.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, 2)
    .map((d) => ({ device: d.id, share: 0.25 }));

  return scenarioSchema.parse({
    version: 1,
    name: `${variant.name} on the phone vs ${price.name}`,
    devices,
    edge: { variant: variant.id },
    cloud: { price: price.id },
  });
}
