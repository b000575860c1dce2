/**
 * Power, energy per token, battery drain and throttling of the runs that report
 * them: one bar list per figure, each bar a run (labelled by model, device and
 * runtime) with its status. Energy per token is the run's power over its decode
 * speed, so it carries the run's status and says how it was computed.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import { runLabelOf, type BenchmarkChartPoint } from "./benchmark-point";

/** One run's bar. The value sits again under its status's key, so a chart draws one coloured series per status. */
export interface EnergyBar extends Partial<Record<DataStatus, number>> {
  id: number;
  /** The full run name, for the tooltip. */
  label: string;
  /** A short name for the axis: "model quant · device", cut at AXIS_LABEL_CHARS. */
  axisLabel: string;
  value: number;
  status: DataStatus;
  /** Extra words for the tooltip, e.g. "after 5 min". */
  note?: string;
}

export const AXIS_LABEL_CHARS = 56;

function axisLabelOf(p: BenchmarkChartPoint): string {
  const label = `${p.modelName} ${p.quantization} · ${p.deviceName}`;
  return label.length > AXIS_LABEL_CHARS ? `${label.slice(0, AXIS_LABEL_CHARS - 1)}…` : label;
}

export interface EnergyFigures {
  powerW: EnergyBar[];
  /** Energy per generated token, powerW ÷ decode tokens/s, for runs that report both. */
  energyJPerToken: EnergyBar[];
  batteryDrainPctPer30Min: EnergyBar[];
  throttlePct: EnergyBar[];
}

function barsOf(
  points: BenchmarkChartPoint[],
  valueOf: (p: BenchmarkChartPoint) => number | null,
  noteOf: (p: BenchmarkChartPoint) => string | undefined = () => undefined,
): EnergyBar[] {
  return points.flatMap((p) => {
    const value = valueOf(p);
    if (value === null) return [];
    const note = noteOf(p);
    const bar: EnergyBar = { id: p.id, label: runLabelOf(p), axisLabel: axisLabelOf(p), value, status: p.status, [p.status]: value };
    return [note === undefined ? bar : { ...bar, note }];
  }).sort((a, b) => b.value - a.value || a.id - b.id);
}

export function buildEnergyFigures(points: BenchmarkChartPoint[]): EnergyFigures {
  return {
    powerW: barsOf(points, (p) => p.powerW),
    energyJPerToken: barsOf(
      points,
      (p) => (p.powerW === null || !p.decodeTokensPerSec ? null : p.powerW / p.decodeTokensPerSec),
      (p) => `${p.powerW} W ÷ ${p.decodeTokensPerSec} tokens/s`,
    ),
    batteryDrainPctPer30Min: barsOf(points, (p) => p.batteryDrainPctPer30Min),
    throttlePct: barsOf(
      points,
      (p) => p.throttlePct,
      (p) => (p.throttleAfterMin === null ? undefined : `after ${p.throttleAfterMin} min`),
    ),
  };
}
