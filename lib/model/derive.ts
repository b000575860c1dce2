/**
 * Per-device figures derived once per plan from the resolved scenario: peak
 * memory, capability and speed. Everything after this step is arithmetic on
 * plain numbers (model.ts), which the sensitivity analysis reruns cheaply.
 */
import { gbReadPerToken } from "@/lib/plausibility/bandwidth-bound";
import { capability, variantPeakMemoryMB, type CapabilityResult } from "./capability";
import type { Figure } from "./figure";
import { activeParams, bitsBucket, bitsPerWeight, normQuant } from "./learned-speed";
import type { ResolvedDevice, ResolvedScenario } from "./resolve";
import { edgeSpeed, type EdgeSpeed, type SpeedInput, type VariantFacts } from "./speed";

export interface DerivedDevice {
  resolved: ResolvedDevice;
  capability: CapabilityResult;
  speed: EdgeSpeed;
}

export interface DerivedScenario {
  resolved: ResolvedScenario;
  peakMemoryMB: Figure | null;
  devices: DerivedDevice[];
}

export function deriveScenario(resolved: ResolvedScenario): DerivedScenario {
  const { scenario, variantRuns, learned } = resolved;
  // A dataset variant's figures read only the snapshot: shared like the speeds (below).
  const shared = resolved.shared;
  const { peakMemoryMB, facts: variantFacts } = shared
    ? (shared.variant ??= variantFiguresOf(resolved))
    : variantFiguresOf(resolved);
  const devices = resolved.devices.map((device, i) => ({
    resolved: device,
    capability: capability(
      device.ramGB?.value ?? null,
      scenario.constraints.usableRamFraction,
      peakMemoryMB?.value ?? null,
    ),
    speed: speedOf(resolved, device, scenario.devices[i]?.bandwidthEfficiency ?? scenario.constraints.bandwidthEfficiency, () => ({
      deviceKey: device.key,
      deviceName: device.name,
      datasetDeviceId: device.datasetId,
      deviceKind: device.kind,
      memoryBandwidthGBps: device.memoryBandwidthGBps?.value ?? null,
      batteryWh: device.batteryWh?.value ?? null,
      ...variantFacts,
      runtime: scenario.edge.runtime,
      backend: scenario.edge.backend ?? null,
      bandwidthEfficiency: scenario.devices[i]?.bandwidthEfficiency ?? scenario.constraints.bandwidthEfficiency,
      learned,
      deviceRuns: device.runs,
      variantRuns,
    })),
  }));
  return { resolved, peakMemoryMB, devices };
}

function variantFiguresOf(resolved: ResolvedScenario): { peakMemoryMB: Figure | null; facts: VariantFacts } {
  const { variant, variantRuns } = resolved;
  const sizeGB = variant.sizeGB?.value ?? null;
  return {
    peakMemoryMB: variantPeakMemoryMB(variant, variantRuns),
    facts: {
      sizeGB,
      gbPerToken:
        sizeGB === null
          ? null
          : gbReadPerToken({ sizeGB, paramsB: variant.paramsB, activeParamsB: variant.activeParamsB, architecture: variant.architecture }),
      activeParamsB: activeParams(variant.paramsB, variant.activeParamsB, variant.architecture),
      bitsBucket: bitsBucket(variant.bitsPerWeight ?? bitsPerWeight(sizeGB, variant.paramsB)),
      quantization: normQuant(variant.quantization),
    },
  };
}

/**
 * A dataset device's speed reads only the snapshot (its runs of the variant, the learned
 * model) and the scenario's efficiency, so plans of the same (variant, runtime, backend)
 * on the same snapshot object share it (resolve.ts keeps `shared` per snapshot). The
 * EdgeSpeed is then read by several plans: nothing changes it.
 */
function speedOf(
  resolved: ResolvedScenario,
  device: ResolvedDevice,
  efficiency: number | undefined,
  input: () => SpeedInput,
): EdgeSpeed {
  const shared = resolved.shared;
  if (!shared || device.datasetId === null) return edgeSpeed(input());
  const key = efficiency === undefined ? device.datasetId : `${device.datasetId}\u0000${efficiency}`;
  let speed = shared.speeds.get(key);
  if (speed) return speed;
  speed = edgeSpeed(input());
  // The efficiency is the user's number: bound what a session of keystrokes can keep.
  if (shared.speeds.size >= MAX_SHARED_SPEEDS) shared.speeds.clear();
  shared.speeds.set(key, speed);
  return speed;
}

const MAX_SHARED_SPEEDS = 1000;
