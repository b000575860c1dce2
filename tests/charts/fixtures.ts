import type { BenchmarkChartPoint } from "@/lib/charts/benchmark-point";

/** A chart point with every optional figure unknown; tests set what they need. */
export function point(id: number, overrides: Partial<BenchmarkChartPoint> = {}): BenchmarkChartPoint {
  return {
    id,
    deviceId: "s23",
    deviceName: "Galaxy S23",
    memoryBandwidthGBps: 67,
    batteryWh: 15,
    modelName: "Tiny 1B",
    quantization: "Q4_0",
    sizeGB: 0.6,
    paramsB: 1,
    activeParamsB: null,
    architecture: null,
    runtime: "llama.cpp",
    backend: "cpu",
    status: "measured",
    sourceTitle: "Phone lab",
    decodeTokensPerSec: null,
    prefillTokensPerSec: null,
    ttftMs: null,
    promptTokens: null,
    peakMemoryMB: null,
    powerW: null,
    batteryDrainPctPer30Min: null,
    throttlePct: null,
    throttleAfterMin: null,
    ...overrides,
  };
}
