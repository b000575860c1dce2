/**
 * The calibrated bandwidth efficiency the editor offers a device class: the share
 * of the bandwidth bound the scenario's runtime reaches on that phone in its
 * measured runs (lib/benchmarks/calibration.ts computes it; the snapshot carries it).
 * The engine uses a class's efficiency only when it estimates the class's speed,
 * i.e. when the phone has no run of the model.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";

export interface OfferedCalibration {
  /** The runtime as the dataset names it ("llama.cpp"). */
  runtime: string;
  /** Median share of the bandwidth bound, 0..1, unrounded. */
  efficiency: number;
  /** Model variants the median is taken over. */
  variants: number;
  /** What "Use" sets: two decimals, as people type it (0.47), kept above 0 for the schema. */
  suggested: number;
}

/**
 * The calibration of `runtime` (case-insensitive, as the engine matches runs) on a
 * dataset device, or null. Should two dataset runtimes differ only in case, the one
 * measured over more variants wins.
 */
export function calibrationFor(data: DatasetSnapshot, deviceId: string, runtime: string): OfferedCalibration | null {
  const wanted = runtime.trim().toLowerCase();
  const device = data.devices.find((d) => d.id === deviceId);
  const match = (device?.calibrations ?? [])
    .filter((c) => c.runtime.trim().toLowerCase() === wanted && c.efficiency > 0 && c.efficiency <= 1)
    .sort((a, b) => b.variants - a.variants)[0];
  if (!match) return null;
  return { ...match, suggested: Math.max(0.01, Math.round(match.efficiency * 100) / 100) };
}
