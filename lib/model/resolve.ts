/**
 * Turns the scenario's references (dataset ids or inline objects) into values
 * with provenance, using the dataset snapshot. Unknown ids are collected and
 * thrown together, each with its path, as an UnknownReferenceError.
 */
import type { DeviceKind } from "@/lib/schemas/benchmark-file";
import type {
  DatasetSnapshot,
  Provenance,
  SnapshotDevice,
  SnapshotPrice,
  SnapshotRun,
  SnapshotVariant,
} from "@/lib/dataset/snapshot";
import type { DeviceRef, InlineRun, PriceRef, Scenario, VariantRef } from "@/lib/schemas/scenario";
// The zod-free module: the engine loads in the browser without the schema.
import { deviceKeyOf } from "@/lib/schemas/scenario-rules";
import { NO_PRICE_TIERS, type CloudPriceTiers } from "./cloud-cost";
import { UnknownReferenceError, type ReferenceIssue } from "./errors";
import { estimated, figure, fromProvenance, INLINE_SOURCE, type Figure } from "./figure";
import { learnSpeedModel, type LearnedSpeedModel } from "./learned-speed";
import { rankRuns, type RunCandidate } from "./run-choice";
import type { EdgeSpeed, VariantFacts } from "./speed";

/** Cloud latency figures when the price row has none (typical hosted-API figures). */
export const DEFAULT_CLOUD_TTFT_MS = 500;
export const DEFAULT_CLOUD_TOKENS_PER_SEC = 60;

export interface ResolvedDevice {
  /** The id the plan reports this class under (`deviceId` of cells). */
  key: string;
  name: string;
  share: number;
  /** Path of the class in the scenario, e.g. "devices.1". */
  path: string;
  datasetId: string | null;
  /** phone, tablet, laptop, board, desktop, server; an inline device without one is taken as a phone. */
  kind: DeviceKind;
  ramGB: Figure | null;
  memoryBandwidthGBps: Figure | null;
  batteryWh: Figure | null;
  /** Runs of the edge variant on this device, most preferred first. */
  runs: RunCandidate[];
}

export interface ResolvedVariant {
  key: string;
  name: string;
  datasetId: string | null;
  quantization: string | null;
  sizeGB: Figure | null;
  /** Only an inline figure here; the engine derives the rest (capability.ts). */
  inlinePeakMemoryMB: Figure | null;
  quality: Figure | null;
  paramsB: number | null;
  activeParamsB: number | null;
  architecture: "dense" | "moe" | null;
  bitsPerWeight: number | null;
}

export interface ResolvedPrice {
  key: string;
  name: string;
  datasetId: string | null;
  inputUsdPerMTok: Figure;
  outputUsdPerMTok: Figure;
  cachedInputUsdPerMTok: Figure;
  /** Long-context and batch prices, from the same source as the price. */
  tiers: CloudPriceTiers;
  ttftMs: Figure;
  tokensPerSec: Figure;
  quality: Figure | null;
}

export interface ResolvedScenario {
  scenario: Scenario;
  devices: ResolvedDevice[];
  variant: ResolvedVariant;
  price: ResolvedPrice;
  /** Every run of the edge variant (all devices, inline first), most preferred first. */
  variantRuns: RunCandidate[];
  /** What the dataset's measured runs teach about speed (estimates without a run). */
  learned: LearnedSpeedModel;
  warnings: string[];
  /**
   * Figures derived from the snapshot alone, shared by every plan of this (variant,
   * runtime, backend) on this snapshot object; null when the scenario's inline runs
   * or inline variant take part (derive.ts keeps each device's speed here).
   */
  shared?: SharedDerivations | null;
}

/** What derive.ts keeps per snapshot: the variant's figures, and each device class's speed keyed by its device id and efficiency. */
export interface SharedDerivations {
  variant?: { peakMemoryMB: Figure | null; facts: VariantFacts };
  speeds: Map<string, EdgeSpeed>;
}

/** The dataset runs of one (variant, runtime, backend), ranked once per snapshot object. */
interface RankedRuns {
  all: RunCandidate[];
  byDevice: Map<string, RunCandidate[]>;
  shared: SharedDerivations;
}

/** Lookups by id, built once per snapshot object: the page replans against the same snapshot on every keystroke. */
interface SnapshotIndex {
  devicesById: Map<string, SnapshotDevice>;
  variantsById: Map<string, SnapshotVariant>;
  pricesById: Map<string, SnapshotPrice>;
  runsByVariant: Map<string, SnapshotRun[]>;
  learned: LearnedSpeedModel;
  /** Keyed by variant id, runtime and backend: scenarios that name no inline run share them. */
  ranked: Map<string, RankedRuns>;
}

const indexes = new WeakMap<DatasetSnapshot, SnapshotIndex>();

function indexOf(data: DatasetSnapshot): SnapshotIndex {
  let index = indexes.get(data);
  if (index) return index;
  const runsByVariant = new Map<string, SnapshotRun[]>();
  for (const run of data.runs) {
    const list = runsByVariant.get(run.variantId);
    if (list) list.push(run);
    else runsByVariant.set(run.variantId, [run]);
  }
  index = {
    // The first row of an id wins, as a linear search would.
    devicesById: firstById(data.devices),
    variantsById: firstById(data.variants),
    pricesById: firstById(data.prices),
    runsByVariant,
    learned: data.speedModel ?? learnSpeedModel(data.runs, data.devices, data.variants),
    ranked: new Map(),
  };
  indexes.set(data, index);
  return index;
}

function firstById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(row.id)) map.set(row.id, row);
  return map;
}

/**
 * The snapshot is read, never changed: callers that mutate a snapshot in place
 * after planning with it must pass a new object (the index is cached per object).
 */
export function resolveScenario(scenario: Scenario, data: DatasetSnapshot): ResolvedScenario {
  const issues: ReferenceIssue[] = [];
  const warnings: string[] = [];
  const index = indexOf(data);
  const { devicesById } = index;

  const variant = resolveVariant(scenario.edge.variant, scenario.qualityMetric, index, issues);
  const price = resolvePrice(scenario.cloud.price, scenario.qualityMetric, index, issues);

  const classes = scenario.devices.map((entry, i) => {
    const path = `devices.${i}.device`;
    return resolveDevice(entry.device, entry.share, `devices.${i}`, path, devicesById, issues);
  });
  const classByKey = new Map(classes.map((c) => [c.key, c]));

  const inlineRuns: RunCandidate[] = [];
  scenario.edge.runs.forEach((run, i) => {
    const candidate = inlineRunCandidate(run, i, scenario.edge.runtime, scenario.edge.backend ?? null, classByKey, devicesById, issues, warnings);
    if (candidate) inlineRuns.push(candidate);
  });

  if (issues.length > 0) throw new UnknownReferenceError(issues);

  const backend = scenario.edge.backend ?? null;
  // Without inline runs the ranking reads the snapshot alone: rank once per snapshot object.
  // (With them, the whole list is ranked together, as the comparator is not transitive across backends.)
  const ranked =
    inlineRuns.length === 0 && variant.datasetId !== null
      ? rankedDatasetRuns(index, variant.datasetId, scenario.edge.runtime, backend)
      : null;
  const variantRuns = ranked
    ? ranked.all
    : rankRuns(
        [...inlineRuns, ...datasetRunsOf(index, variant.datasetId)],
        scenario.edge.runtime,
        backend,
      );

  const devices = classes.map((c) => {
    // A dataset class's key is its dataset id, so one comparison serves both origins.
    const runs = ranked ? (ranked.byDevice.get(c.key) ?? []) : variantRuns.filter((r) => r.deviceKey === c.key);
    // Written out rather than spread (resolveDevice's order): a spread of objects of several shapes is a slow path.
    return {
      key: c.key,
      name: c.name,
      share: c.share,
      path: c.path,
      datasetId: c.datasetId,
      kind: c.kind,
      ramGB: c.ramGB,
      memoryBandwidthGBps: c.memoryBandwidthGBps,
      batteryWh: c.batteryWh,
      runs,
    };
  });

  if (variant.sizeGB === null) {
    const weightsMB = maxOf(variantRuns.map((r) => r.weightsMB));
    if (weightsMB !== null) {
      variant.sizeGB = estimated(weightsMB / 1000, "file size unknown: taken from the largest weights figure of its runs");
    }
  }

  return { scenario, devices, variant, price, variantRuns, learned: index.learned, warnings, shared: ranked?.shared ?? null };
}

function datasetRunsOf(index: SnapshotIndex, variantId: string | null): RunCandidate[] {
  if (variantId === null) return [];
  return (index.runsByVariant.get(variantId) ?? []).map((r) => datasetRunCandidate(r, index.devicesById.get(r.deviceId)));
}

/**
 * The ranked runs are shared between plans, so they (and the lists per device)
 * must not be changed by their readers; the engine only reads them.
 */
function rankedDatasetRuns(index: SnapshotIndex, variantId: string, runtime: string, backend: string | null): RankedRuns {
  const key = `${variantId}\u0000${runtime}\u0000${backend ?? "\u0001"}`;
  let ranked = index.ranked.get(key);
  if (ranked) return ranked;
  const all = rankRuns(datasetRunsOf(index, variantId), runtime, backend);
  const byDevice = new Map<string, RunCandidate[]>();
  for (const run of all) {
    const list = byDevice.get(run.deviceKey);
    if (list) list.push(run);
    else byDevice.set(run.deviceKey, [run]);
  }
  ranked = { all, byDevice, shared: { speeds: new Map() } };
  // Runtime and backend are free text: bound what a long session of keystrokes can keep.
  if (index.ranked.size >= MAX_RANKED) index.ranked.clear();
  index.ranked.set(key, ranked);
  return ranked;
}

const MAX_RANKED = 2000;

function resolveDevice(
  ref: DeviceRef,
  share: number,
  classPath: string,
  refPath: string,
  devicesById: Map<string, SnapshotDevice>,
  issues: ReferenceIssue[],
): Omit<ResolvedDevice, "runs"> {
  if (typeof ref !== "string") {
    return {
      key: deviceKeyOf(ref),
      name: ref.name,
      share,
      path: classPath,
      datasetId: null,
      kind: ref.kind ?? "phone",
      ramGB: figure(ref.ramGB, ref.status, INLINE_SOURCE),
      memoryBandwidthGBps:
        ref.memoryBandwidthGBps === null ? null : figure(ref.memoryBandwidthGBps, ref.status, INLINE_SOURCE),
      batteryWh: ref.batteryWh === null ? null : figure(ref.batteryWh, ref.status, INLINE_SOURCE),
    };
  }
  const id = ref.trim();
  const device = devicesById.get(id);
  if (!device) {
    issues.push({ path: refPath, message: `unknown device "${id}"` });
    return { key: id, name: id, share, path: classPath, datasetId: id, kind: "phone", ramGB: null, memoryBandwidthGBps: null, batteryWh: null };
  }
  const fallback = `dataset device "${device.id}"`;
  return {
    key: device.id,
    name: device.name,
    share,
    path: classPath,
    datasetId: device.id,
    kind: device.kind,
    ramGB: device.ramGB === null ? null : fromProvenance(device.ramGB, device.provenance.ramGB, fallback),
    memoryBandwidthGBps:
      device.memoryBandwidthGBps === null
        ? null
        : fromProvenance(device.memoryBandwidthGBps, device.provenance.memoryBandwidthGBps, fallback),
    batteryWh: device.batteryWh === null ? null : fromProvenance(device.batteryWh, device.provenance.batteryWh, fallback),
  };
}

function resolveVariant(
  ref: VariantRef,
  metric: string,
  index: SnapshotIndex,
  issues: ReferenceIssue[],
): ResolvedVariant {
  if (typeof ref !== "string") {
    return {
      key: ref.id ?? ref.name,
      name: ref.name,
      datasetId: null,
      quantization: ref.quantization ?? null,
      sizeGB: figure(ref.sizeGB, ref.status, INLINE_SOURCE),
      inlinePeakMemoryMB: ref.peakMemoryMB === undefined ? null : figure(ref.peakMemoryMB, ref.status, INLINE_SOURCE),
      quality: ref.quality === undefined ? null : figure(ref.quality, ref.status, INLINE_SOURCE),
      paramsB: ref.paramsB ?? null,
      activeParamsB: ref.activeParamsB ?? null,
      architecture: ref.activeParamsB !== undefined && ref.activeParamsB < (ref.paramsB ?? Infinity) ? "moe" : null,
      bitsPerWeight: ref.bitsPerWeight ?? null,
    };
  }
  const id = ref.trim();
  const variant = index.variantsById.get(id);
  if (!variant) {
    issues.push({ path: "edge.variant", message: `unknown variant "${id}"` });
    return {
      key: id,
      name: id,
      datasetId: id,
      quantization: null,
      sizeGB: null,
      inlinePeakMemoryMB: null,
      quality: null,
      paramsB: null,
      activeParamsB: null,
      architecture: null,
      bitsPerWeight: null,
    };
  }
  const fallback = `dataset variant "${variant.id}"`;
  const score = variant.quality[metric];
  return {
    key: variant.id,
    name: variant.name,
    datasetId: variant.id,
    quantization: variant.quantization,
    sizeGB: variant.sizeGB === null ? null : fromProvenance(variant.sizeGB, variant.provenance.sizeGB, fallback),
    inlinePeakMemoryMB: null,
    quality: score ? figure(score.score, score.provenance.status, score.provenance.source) : null,
    paramsB: variant.paramsB,
    activeParamsB: variant.activeParamsB,
    architecture: variant.architecture,
    bitsPerWeight: null,
  };
}

function resolvePrice(ref: PriceRef, metric: string, index: SnapshotIndex, issues: ReferenceIssue[]): ResolvedPrice {
  if (typeof ref !== "string") {
    const at = (value: number) => figure(value, ref.status, INLINE_SOURCE);
    return {
      key: ref.id ?? ref.name,
      name: ref.name,
      datasetId: null,
      inputUsdPerMTok: at(ref.inputUsdPerMTok),
      outputUsdPerMTok: at(ref.outputUsdPerMTok),
      cachedInputUsdPerMTok:
        ref.cachedInputUsdPerMTok === undefined
          ? figure(ref.inputUsdPerMTok, ref.status, INLINE_SOURCE, "no cached-input price: the input price applies")
          : at(ref.cachedInputUsdPerMTok),
      tiers: {
        longContext: ref.longContext ?? [],
        batchInputUsdPerMTok: ref.batchInputUsdPerMTok ?? null,
        batchOutputUsdPerMTok: ref.batchOutputUsdPerMTok ?? null,
      },
      ttftMs: ref.ttftMs === undefined ? defaultCloudTtft() : at(ref.ttftMs),
      tokensPerSec: ref.tokensPerSec === undefined ? defaultCloudSpeed() : at(ref.tokensPerSec),
      quality: ref.quality === undefined ? null : at(ref.quality),
    };
  }
  const id = ref.trim();
  const price = index.pricesById.get(id);
  if (!price) {
    issues.push({ path: "cloud.price", message: `unknown price "${id}"` });
    const zero = figure(0, "claimed", id);
    return {
      key: id,
      name: id,
      datasetId: id,
      inputUsdPerMTok: zero,
      outputUsdPerMTok: zero,
      cachedInputUsdPerMTok: zero,
      tiers: NO_PRICE_TIERS,
      ttftMs: zero,
      tokensPerSec: zero,
      quality: null,
    };
  }
  const { status, source } = price.provenance;
  const at = (value: number, note?: string) => figure(value, status, source, note);
  // A figure a cloud fact supplied keeps that fact's source and status.
  const from = (value: number, p: Provenance | undefined) => (p ? figure(value, p.status, p.source) : at(value));
  const own = price.figureProvenance;
  const score = price.quality[metric];
  return {
    key: price.id,
    name: price.name,
    datasetId: price.id,
    inputUsdPerMTok: at(price.inputUsdPerMTok),
    outputUsdPerMTok: at(price.outputUsdPerMTok),
    cachedInputUsdPerMTok:
      price.cachedInputUsdPerMTok === null
        ? at(price.inputUsdPerMTok, "no cached-input price: the input price applies")
        : at(price.cachedInputUsdPerMTok),
    tiers: {
      ...(price.tiersSource ? { source: price.tiersSource } : {}),
      longContext: price.longContext ?? [],
      batchInputUsdPerMTok: price.batchInputUsdPerMTok ?? null,
      batchOutputUsdPerMTok: price.batchOutputUsdPerMTok ?? null,
    },
    ttftMs: price.ttftMs === null ? defaultCloudTtft() : from(price.ttftMs, own?.ttftMs),
    tokensPerSec:
      price.tokensPerSec === null || price.tokensPerSec <= 0
        ? defaultCloudSpeed()
        : from(price.tokensPerSec, own?.tokensPerSec),
    quality: score === undefined ? null : from(score, own?.quality?.[metric]),
  };
}

function defaultCloudTtft(): Figure {
  return estimated(DEFAULT_CLOUD_TTFT_MS, `no first-token time for this price: ${DEFAULT_CLOUD_TTFT_MS} ms assumed`);
}

function defaultCloudSpeed(): Figure {
  return estimated(DEFAULT_CLOUD_TOKENS_PER_SEC, `no output speed for this price: ${DEFAULT_CLOUD_TOKENS_PER_SEC} tokens/s assumed`);
}

function inlineRunCandidate(
  run: InlineRun,
  index: number,
  runtime: string,
  backend: string | null,
  classByKey: Map<string, Omit<ResolvedDevice, "runs">>,
  devicesById: Map<string, SnapshotDevice>,
  issues: ReferenceIssue[],
  warnings: string[],
): RunCandidate | null {
  const key = deviceKeyOf(run.device);
  const deviceClass = classByKey.get(key);
  let batteryWh: number | null = deviceClass?.batteryWh?.value ?? null;
  if (!deviceClass) {
    if (typeof run.device === "string") {
      const device = devicesById.get(key);
      if (!device) {
        issues.push({ path: `edge.runs.${index}.device`, message: `unknown device "${key}"` });
        return null;
      }
      batteryWh = device.batteryWh;
    } else {
      batteryWh = run.device.batteryWh;
    }
    warnings.push(
      `edge.runs.${index}: device "${key}" is not one of the scenario's device classes; its run only informs estimates for other devices`,
    );
  }
  return {
    origin: "inline",
    deviceKey: key,
    runtime,
    backend,
    status: run.status,
    source: INLINE_SOURCE,
    decodeTokensPerSec: run.decodeTokensPerSec,
    prefillTokensPerSec: run.prefillTokensPerSec ?? null,
    promptTokens: null,
    ttftMs: run.ttftMs ?? null,
    powerW: run.powerW ?? null,
    batteryDrainPctPer30Min: run.batteryDrainPctPer30Min ?? null,
    throttlePct: run.throttlePct ?? null,
    throttleAfterMin: null,
    peakMemoryMB: null,
    weightsMB: null,
    measuredAt: null,
    contextDepthTokens: 0,
    deviceBatteryWh: batteryWh,
  };
}

function datasetRunCandidate(run: SnapshotRun, device: SnapshotDevice | undefined): RunCandidate {
  return {
    origin: "dataset",
    deviceKey: run.deviceId,
    runtime: run.runtime,
    backend: run.backend,
    status: run.status,
    source: run.provenance.source,
    decodeTokensPerSec: run.decodeTokensPerSec,
    prefillTokensPerSec: run.prefillTokensPerSec,
    promptTokens: run.promptTokens,
    ttftMs: run.ttftMs,
    powerW: run.powerW,
    batteryDrainPctPer30Min: run.batteryDrainPctPer30Min,
    throttlePct: run.throttlePct,
    throttleAfterMin: run.throttleAfterMin,
    peakMemoryMB: run.peakMemoryMB,
    weightsMB: run.weightsMB,
    measuredAt: run.measuredAt,
    contextDepthTokens: run.contextDepthTokens ?? 0,
    deviceBatteryWh: device?.batteryWh ?? null,
  };
}

function maxOf(values: (number | null)[]): number | null {
  let max: number | null = null;
  for (const v of values) if (v !== null && (max === null || v > max)) max = v;
  return max;
}
