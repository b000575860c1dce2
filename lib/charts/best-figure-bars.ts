/**
 * Best figures per (model, device) → the rows of a grouped bar chart: one row per
 * model, one key per device, plus `${device}${STATUS_SUFFIX}` holding that bar's
 * status for the tooltip. Capped to the models and devices with the most runs so
 * the bars stay readable; what was left out is counted.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { BestFigure } from "./benchmark-point";

export const STATUS_SUFFIX = "::status";

export type BarRow = Record<string, string | number>;

export interface BestFigureBars {
  rows: BarRow[];
  /** Device names, one bar series each, in name order. */
  seriesKeys: string[];
  omittedModels: number;
  omittedDevices: number;
}

export interface BarCaps {
  maxModels: number;
  maxDevices: number;
}

const defaultCaps: BarCaps = { maxModels: 12, maxDevices: 8 };

/** Names ranked by their run count (ties by name), the first `limit` kept. */
function topByRuns(figures: BestFigure[], nameOf: (f: BestFigure) => string, limit: number): Set<string> {
  const runs = new Map<string, number>();
  for (const f of figures) runs.set(nameOf(f), (runs.get(nameOf(f)) ?? 0) + f.runs);
  const ranked = [...runs.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Set(ranked.slice(0, limit).map(([name]) => name));
}

export function buildBestFigureBars(figures: BestFigure[], caps: BarCaps = defaultCaps): BestFigureBars {
  const models = topByRuns(figures, (f) => f.modelName, caps.maxModels);
  const devices = topByRuns(figures, (f) => f.deviceName, caps.maxDevices);
  const allModels = new Set(figures.map((f) => f.modelName));
  const allDevices = new Set(figures.map((f) => f.deviceName));

  const byModel = new Map<string, BarRow>();
  for (const f of figures) {
    if (!models.has(f.modelName) || !devices.has(f.deviceName)) continue;
    const row = byModel.get(f.modelName) ?? { category: f.modelName };
    row[f.deviceName] = f.value;
    row[`${f.deviceName}${STATUS_SUFFIX}`] = f.status;
    byModel.set(f.modelName, row);
  }
  const rows = [...byModel.values()].sort((a, b) => String(a.category).localeCompare(String(b.category)));
  const seriesKeys = [...devices].filter((d) => rows.some((r) => d in r)).sort((a, b) => a.localeCompare(b));
  return {
    rows,
    seriesKeys,
    omittedModels: allModels.size - models.size,
    omittedDevices: allDevices.size - devices.size,
  };
}

/** The status stored beside a bar value, for tooltips. */
export function barStatusOf(row: BarRow, seriesKey: string): DataStatus | undefined {
  const status = row[`${seriesKey}${STATUS_SUFFIX}`];
  return status === "measured" || status === "claimed" || status === "estimated" ? status : undefined;
}
