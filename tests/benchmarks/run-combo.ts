import type { RunCombo } from "@/lib/benchmarks/facets";

/** One combination of filter values (device, variant, runtime, backend, status, source) with its run count; tests set what they need. */
export function combo(overrides: Partial<RunCombo>): RunCombo {
  return {
    deviceId: "s23",
    deviceName: "Galaxy S23",
    soc: "Snapdragon 8 Gen 2",
    variantId: "tiny-q4_0",
    modelId: "tiny",
    modelName: "Tiny 1B",
    quantization: "Q4_0",
    runtime: "llama.cpp",
    backend: "cpu",
    status: "measured",
    sourceId: 1,
    sourceTitle: "PocketPal",
    runs: 1,
    figures: null,
    ...overrides,
  };
}
