/**
 * A scenario built from the dataset when no example scenario is available:
 * the schema's defaults, the first model variant with a known size and the most
 * runs, its two best-covered devices, and the cheapest current price.
 * null when the dataset has no variant or no price to plan with.
 */
import type { DatasetSnapshot, SnapshotVariant } from "@/lib/dataset/snapshot";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { countRuns, type RunCounts } from "./run-counts";

/** The variant the fallback scenario plans: a known size and the most runs. */
export function fallbackVariant(data: DatasetSnapshot, counts: RunCounts = countRuns(data.runs)): SnapshotVariant | null {
  const runs = (id: string) => counts.byVariant[id] ?? 0;
  return data.variants.filter((v) => v.sizeGB !== null).sort((a, b) => runs(b.id) - runs(a.id) || a.id.localeCompare(b.id))[0] ?? null;
}

/**
 * `data` needs the runs of the fallback variant only (it picks the devices with most of
 * them); `counts` are the dataset's run counts when `data` carries only some runs.
 */
export function fallbackScenario(data: DatasetSnapshot, counts: RunCounts = countRuns(data.runs)): Scenario | null {
  const variant = fallbackVariant(data, counts);
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
