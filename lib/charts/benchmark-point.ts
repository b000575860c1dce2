/**
 * One run as the benchmark charts read it: its figures and the device and
 * variant facts they are judged against. The database fills these; the series
 * builders beside this file turn them into chart data.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export interface BenchmarkChartPoint {
  id: number;
  deviceId: string;
  deviceName: string;
  memoryBandwidthGBps: number | null;
  batteryWh: number | null;
  modelName: string;
  quantization: string;
  sizeGB: number | null;
  paramsB: number | null;
  activeParamsB: number | null;
  architecture: "dense" | "moe" | null;
  runtime: string;
  backend: string | null;
  status: DataStatus;
  sourceTitle: string;
  decodeTokensPerSec: number | null;
  prefillTokensPerSec: number | null;
  ttftMs: number | null;
  promptTokens: number | null;
  peakMemoryMB: number | null;
  powerW: number | null;
  batteryDrainPctPer30Min: number | null;
  throttlePct: number | null;
  throttleAfterMin: number | null;
}

/** "Qwen3 1.7B Q4_0 on Galaxy S23 (llama.cpp/cpu)": how a run is named in tooltips and lists. */
export function runLabelOf(point: Pick<BenchmarkChartPoint, "modelName" | "quantization" | "deviceName" | "runtime" | "backend">): string {
  const runtime = point.backend ? `${point.runtime}/${point.backend}` : point.runtime;
  return `${point.modelName} ${point.quantization} on ${point.deviceName} (${runtime})`;
}

/** The best figure of one model on one device among the filtered runs, with its status. */
export interface BestFigure {
  deviceId: string;
  deviceName: string;
  modelId: string;
  modelName: string;
  value: number;
  status: DataStatus;
  /** Filtered runs of this model on this device (ranks which bars a capped chart keeps). */
  runs: number;
}
