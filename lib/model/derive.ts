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
import { edgeSpeed, type EdgeSpeed } from "./speed";

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
  const { scenario, variant, variantRuns, learned } = resolved;
  const peakMemoryMB = variantPeakMemoryMB(variant, variantRuns);
  const sizeGB = variant.sizeGB?.value ?? null;
  const variantFacts = {
    sizeGB,
    gbPerToken: sizeGB === null ? null : gbReadPerToken({ ...variant, sizeGB }),
    activeParamsB: activeParams(variant.paramsB, variant.activeParamsB, variant.architecture),
    bitsBucket: bitsBucket(variant.bitsPerWeight ?? bitsPerWeight(sizeGB, variant.paramsB)),
    quantization: normQuant(variant.quantization),
  };
  const devices = resolved.devices.map((device, i) => ({
    resolved: device,
    capability: capability(
      device.ramGB?.value ?? null,
      scenario.constraints.usableRamFraction,
      peakMemoryMB?.value ?? null,
    ),
    speed: edgeSpeed({
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
    }),
  }));
  return { resolved, peakMemoryMB, devices };
}
