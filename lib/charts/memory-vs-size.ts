/**
 * Peak memory against the model file's size, one scatter series per status.
 * Both axes in MB (decimal, 1 MB = 1e6 bytes: sizeGB × 1000), so the line
 * memory = file size is the diagonal.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import { runLabelOf, type BenchmarkChartPoint } from "./benchmark-point";

export interface MemoryPoint {
  id: number;
  sizeMB: number;
  peakMemoryMB: number;
  label: string;
}

export interface MemorySeries {
  status: DataStatus;
  points: MemoryPoint[];
}

export interface MemoryVsSize {
  series: MemorySeries[];
  /** The largest value on either axis: where the diagonal ends. */
  maxMB: number;
  /** Runs with a peak memory but no known model size. */
  withoutSize: number;
}

const statusOrder: DataStatus[] = ["measured", "claimed", "estimated"];

export function buildMemoryVsSize(points: BenchmarkChartPoint[]): MemoryVsSize {
  const byStatus = new Map<DataStatus, MemoryPoint[]>();
  let maxMB = 0;
  let withoutSize = 0;
  for (const p of points) {
    if (p.peakMemoryMB === null) continue;
    if (p.sizeGB === null) {
      withoutSize += 1;
      continue;
    }
    const sizeMB = p.sizeGB * 1000;
    maxMB = Math.max(maxMB, sizeMB, p.peakMemoryMB);
    const list = byStatus.get(p.status) ?? [];
    list.push({ id: p.id, sizeMB, peakMemoryMB: p.peakMemoryMB, label: runLabelOf(p) });
    byStatus.set(p.status, list);
  }
  const series = statusOrder.flatMap((status) => {
    const list = byStatus.get(status);
    return list ? [{ status, points: list }] : [];
  });
  return { series, maxMB, withoutSize };
}
