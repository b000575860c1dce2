/**
 * The best figure of each model on each device, from runs the database grouped
 * by device, variant and status (one scan for all three figures): the highest
 * decode or prefill tokens/s, the lowest first-token time. Each best value keeps
 * the status of its group; on a tie a measured value wins over a claimed one.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { BestFigure } from "./benchmark-point";

export interface FigureGroup {
  deviceId: string;
  deviceName: string;
  modelId: string;
  modelName: string;
  status: DataStatus;
  runs: number;
  maxDecodeTokensPerSec: number | null;
  maxPrefillTokensPerSec: number | null;
  minTtftMs: number | null;
}

export type BestFigureMetric = "decode" | "prefill" | "ttft";

const statusRank: Record<DataStatus, number> = { measured: 0, claimed: 1, estimated: 2 };

function valueOf(group: FigureGroup, metric: BestFigureMetric): number | null {
  if (metric === "decode") return group.maxDecodeTokensPerSec;
  if (metric === "prefill") return group.maxPrefillTokensPerSec;
  return group.minTtftMs;
}

export function bestFiguresOf(groups: FigureGroup[], metric: BestFigureMetric): BestFigure[] {
  const better = (a: number, b: number) => (metric === "ttft" ? a < b : a > b);
  const best = new Map<string, BestFigure>();
  for (const g of groups) {
    const value = valueOf(g, metric);
    if (value === null) continue;
    const key = `${g.deviceId}\u0000${g.modelId}`;
    const current = best.get(key);
    const runs = (current?.runs ?? 0) + g.runs;
    const wins =
      !current ||
      better(value, current.value) ||
      (value === current.value && statusRank[g.status] < statusRank[current.status]);
    best.set(
      key,
      wins
        ? { deviceId: g.deviceId, deviceName: g.deviceName, modelId: g.modelId, modelName: g.modelName, value, status: g.status, runs }
        : { ...current, runs },
    );
  }
  return [...best.values()].sort((a, b) => a.modelName.localeCompare(b.modelName) || a.deviceName.localeCompare(b.deviceName));
}
