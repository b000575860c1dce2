/**
 * Calibration: how much of the bandwidth bound a runtime really reaches on a
 * device, from measured runs, offered to the user as a device class's own
 * efficiency (the engine's learned estimate, lib/model/learned-speed.ts, also
 * separates backends and quantizations).
 *
 *   efficiency(run) = decode ÷ (bandwidth ÷ GB read per token)
 *   per (device, runtime): the median over variants of each variant's best backend
 *
 * Runs above the bound (efficiency > 1) are implausible and left out.
 */
import { gbReadPerToken } from "@/lib/plausibility";

export interface CalibrationRun {
  deviceId: string;
  runtime: string;
  variantId: string;
  decodeTokensPerSec: number | null;
  memoryBandwidthGBps: number | null;
  sizeGB: number | null;
  paramsB: number | null;
  activeParamsB: number | null;
  architecture: "dense" | "moe" | null;
}

export interface DeviceCalibration {
  deviceId: string;
  runtime: string;
  /** Median share of the bandwidth bound reached, 0..1. */
  efficiency: number;
  /** Variants the median is taken over. */
  variants: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function runEfficiency(run: CalibrationRun): number | null {
  const { decodeTokensPerSec: decode, memoryBandwidthGBps: bandwidth, sizeGB } = run;
  if (decode === null || bandwidth === null || sizeGB === null || sizeGB <= 0 || bandwidth <= 0) return null;
  const efficiency = decode / (bandwidth / gbReadPerToken({ ...run, sizeGB }));
  return efficiency > 0 && efficiency <= 1 ? efficiency : null;
}

export function calibrate(runs: CalibrationRun[]): DeviceCalibration[] {
  // (device, runtime) → variant → best efficiency across backends
  const best = new Map<string, Map<string, number>>();
  for (const run of runs) {
    const efficiency = runEfficiency(run);
    if (efficiency === null) continue;
    const key = JSON.stringify([run.deviceId, run.runtime]);
    const byVariant = best.get(key) ?? new Map<string, number>();
    byVariant.set(run.variantId, Math.max(byVariant.get(run.variantId) ?? 0, efficiency));
    best.set(key, byVariant);
  }
  return [...best.entries()]
    .map(([key, byVariant]) => {
      const [deviceId, runtime] = JSON.parse(key) as [string, string];
      return { deviceId, runtime, efficiency: median([...byVariant.values()]), variants: byVariant.size };
    })
    .sort((a, b) => a.deviceId.localeCompare(b.deviceId) || a.runtime.localeCompare(b.runtime));
}
