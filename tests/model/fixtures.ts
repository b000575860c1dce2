/**
 * Hand-built dataset snapshots and scenarios for the engine's tests. Figures are
 * round on purpose so each expected value can be worked out by hand beside it.
 */
import type {
  DatasetSnapshot,
  SnapshotDevice,
  SnapshotPrice,
  SnapshotRun,
  SnapshotVariant,
} from "@/lib/dataset/snapshot";
import type { RunCandidate } from "@/lib/model/run-choice";
import { scenarioSchema, type Scenario, type ScenarioInput } from "@/lib/schemas/scenario";

export function device(overrides: Partial<SnapshotDevice> & { id: string }): SnapshotDevice {
  return {
    name: overrides.id,
    soc: null,
    kind: "phone",
    ramGB: 8,
    memoryBandwidthGBps: 60,
    batteryWh: 15,
    provenance: {},
    ...overrides,
  };
}

export function variant(overrides: Partial<SnapshotVariant> & { id: string }): SnapshotVariant {
  return {
    modelId: "test-model",
    name: overrides.id,
    quantization: "Q4_K_M",
    sizeGB: 1,
    paramsB: 1.7,
    activeParamsB: null,
    architecture: "dense",
    quality: {},
    provenance: {},
    ...overrides,
  };
}

let nextRunId = 1;
export function run(overrides: Partial<SnapshotRun> & { deviceId: string; variantId: string }): SnapshotRun {
  return {
    id: nextRunId++,
    runtime: "llama.cpp",
    backend: "cpu",
    status: "measured",
    provenance: { status: "measured", source: "test run" },
    decodeTokensPerSec: null,
    prefillTokensPerSec: null,
    ttftMs: null,
    promptTokens: null,
    peakMemoryMB: null,
    weightsMB: null,
    powerW: null,
    batteryDrainPctPer30Min: null,
    throttlePct: null,
    throttleAfterMin: null,
    coldStartSec: null,
    measuredAt: null,
    ...overrides,
  };
}

export function price(overrides: Partial<SnapshotPrice> & { id: string }): SnapshotPrice {
  const [provider = "test", modelKey = overrides.id] = overrides.id.split("/");
  return {
    provider,
    modelKey,
    name: overrides.id,
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 2,
    cachedInputUsdPerMTok: null,
    ttftMs: 300,
    tokensPerSec: 100,
    quality: {},
    effectiveDate: "2025-01-01",
    provenance: { status: "claimed", source: "test price list" },
    ...overrides,
  };
}

/**
 * The standard snapshot:
 * - phone-a: 8 GB, 60 GB/s, 15 Wh, a measured run of small-q4 at 20 tok/s, 500 ms, 4 W.
 * - phone-b: 8 GB, 40 GB/s, 10 Wh, no run (speed estimated 0.6·40/1 = 24 tok/s).
 * - phone-c: 2 GB (1,000 MB usable < 1,200 MB peak): not capable.
 * - phone-d: 8 GB, bandwidth unknown, no run: cannot be planned on the edge.
 * - small-q4: 1 GB, peak 1,200 MB (measured run), mmlu 60.
 * - cheap/model: $1 in, $2 out, $0.5 cached, 300 ms, 100 tok/s, mmlu 80.
 */
export function standardSnapshot(): DatasetSnapshot {
  return {
    devices: [
      device({ id: "phone-a", name: "Phone A", memoryBandwidthGBps: 60, batteryWh: 15 }),
      device({ id: "phone-b", name: "Phone B", memoryBandwidthGBps: 40, batteryWh: 10 }),
      device({ id: "phone-c", name: "Phone C", ramGB: 2 }),
      device({ id: "phone-d", name: "Phone D", memoryBandwidthGBps: null }),
    ],
    variants: [
      variant({
        id: "small-q4",
        name: "Small Q4",
        sizeGB: 1,
        quality: { mmlu: { score: 60, provenance: { status: "claimed", source: "test card" } } },
      }),
    ],
    runs: [
      run({
        deviceId: "phone-a",
        variantId: "small-q4",
        decodeTokensPerSec: 20,
        ttftMs: 500,
        powerW: 4,
        peakMemoryMB: 1200,
        throttlePct: 20,
        throttleAfterMin: 5,
        measuredAt: "2025-06-01",
      }),
    ],
    prices: [
      price({
        id: "cheap/model",
        inputUsdPerMTok: 1,
        outputUsdPerMTok: 2,
        cachedInputUsdPerMTok: 0.5,
        ttftMs: 300,
        tokensPerSec: 100,
        quality: { mmlu: 80 },
      }),
    ],
  };
}

/** A scenario with the standard snapshot's ids and two tiers; override anything. */
export function scenarioInput(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    name: "test",
    horizonMonths: 12,
    traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20, monthlyGrowthPct: 0 },
    tiers: [
      { id: "simple", share: 0.5, inputTokens: 100, outputTokens: 100, minQuality: 0 },
      { id: "complex", share: 0.5, inputTokens: 1000, outputTokens: 500, minQuality: 70 },
    ],
    devices: [{ device: "phone-a", share: 0.5 }],
    edge: { variant: "small-q4" },
    cloud: { price: "cheap/model" },
    costs: {
      setupUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 },
      monthlyInfraUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 },
      cdnUsdPerGB: 0.02,
      newInstallSharePerMonth: 0.05,
      modelUpdatesPerYear: 0,
    },
    ...overrides,
  };
}

export function scenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse(scenarioInput(overrides));
}

/** Relative closeness for money computed in a different order than the hand arithmetic. */
export function near(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** A run as the engine reads it (run-choice.ts), for unit tests below the resolver. */
export function candidate(overrides: Partial<RunCandidate>): RunCandidate {
  return {
    origin: "dataset",
    deviceKey: "d",
    runtime: "llama.cpp",
    backend: null,
    status: "measured",
    source: "s",
    decodeTokensPerSec: 10,
    prefillTokensPerSec: null,
    promptTokens: null,
    ttftMs: null,
    powerW: null,
    batteryDrainPctPer30Min: null,
    throttlePct: null,
    throttleAfterMin: null,
    peakMemoryMB: null,
    weightsMB: null,
    measuredAt: null,
    contextDepthTokens: 0,
    deviceBatteryWh: null,
    ...overrides,
  };
}
