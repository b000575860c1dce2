/**
 * Per-device figures derived once per plan from the resolved scenario: peak
 * memory, capability and speed. Everything after this step is arithmetic on
 * plain numbers (model.ts), which the sensitivity analysis reruns cheaply.
 */
import { capability, variantPeakMemoryMB, type CapabilityResult } from "./capability";
import type { Figure } from "./figure";
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
  const { scenario, variant, variantRuns } = resolved;
  const peakMemoryMB = variantPeakMemoryMB(variant, variantRuns);
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
      memoryBandwidthGBps: device.memoryBandwidthGBps?.value ?? null,
      batteryWh: device.batteryWh?.value ?? null,
      sizeGB: variant.sizeGB?.value ?? null,
      bandwidthEfficiency: scenario.devices[i]?.bandwidthEfficiency ?? scenario.constraints.bandwidthEfficiency,
      deviceRuns: device.runs,
      variantRuns,
    }),
  }));
  return { resolved, peakMemoryMB, devices };
}
