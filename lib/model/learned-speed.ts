/**
 * What the measured runs teach about speed on devices or models without a run.
 *
 * Decode is bandwidth-bound and prefill compute-bound, so each is learned as a
 * figure normalised by the device's memory bandwidth:
 *
 *   decode efficiency   = decode tokens/s × GB read per token ÷ bandwidth GB/s   (share of the roofline)
 *   prefill per GB/s    = prefill tokens/s × active params (B) ÷ bandwidth GB/s  (compute, in units a phone's bandwidth predicts)
 *
 * Priors are medians over measured runs by runtime, backend and bits-per-weight
 * bucket (low-bit formats are dequantization-bound), falling back to coarser
 * keys when a key has few runs. A device with measured runs of other models gets
 * its own factor: the median of its runs' figure ÷ the prior.
 *
 * `learnSpeedModel(runs, devices, variants)` is pure: computed once per data
 * version, it travels with the snapshot. Its residuals (estimate ÷ measured,
 * leave-one-out) give the ranges every estimate carries.
 */
import type { SnapshotDevice, SnapshotRun, SnapshotVariant } from "@/lib/dataset/snapshot";
import { gbReadPerToken } from "@/lib/plausibility/bandwidth-bound";

/** Estimate ÷ measured quantiles: p10, median, p90, and how many runs they come from. */
export interface Residuals {
  p10: number;
  p50: number;
  p90: number;
  runs: number;
}

export interface PriorCell {
  /** "runtime|backend|bucket", "runtime|backend", "runtime" or "" (all runs). */
  key: string;
  value: number;
  runs: number;
}

export interface DeviceFactor {
  deviceId: string;
  /** "runtime|backend" */
  key: string;
  factor: number;
  /** Variants the factor is taken over. */
  variants: number;
}

/** Watts drawn while running a model, from runs with a power or battery-drain figure. */
export interface PowerFigure {
  /** A device id, or a device kind ("phone", "desktop" …) for the kind's figure. */
  key: string;
  /** Lower-case backend, "?" unknown; "" for the figure over every backend. */
  backend: string;
  watts: number;
  /** The least and most watts among those runs: the figure's range. */
  low: number;
  high: number;
  runs: number;
  /** The weakest status of the runs it comes from. */
  status: "measured" | "claimed";
}

export interface LearnedSpeedModel {
  decode: { priors: PriorCell[]; devices: DeviceFactor[] };
  prefill: { priors: PriorCell[]; devices: DeviceFactor[] };
  /** Prefill ÷ decode by runtime and backend, for variants with no parameter count. */
  prefillToDecode: PriorCell[];
  /** Median watts per device (by backend and over all) and per device kind, from measured and claimed runs. */
  power: { devices: PowerFigure[]; kinds: PowerFigure[] };
  /**
   * Estimate ÷ measured: "device" when the device has runs of other models
   * (leave-one-(device, model)-out), "prior" for a device never seen
   * (leave-one-device-out).
   */
  residuals: {
    decode: { device: Residuals | null; prior: Residuals | null };
    prefill: { device: Residuals | null; prior: Residuals | null };
  };
}

/** Fewer runs than this under a key and the next coarser key is used. */
export const MIN_PRIOR_RUNS = 3;
/** Without any measured run: the v1 default share of the bandwidth roofline. */
export const FALLBACK_DECODE_EFFICIENCY = 0.6;
/** Without any measured prefill: prefill at 8× decode (the v1 first-token default). */
export const FALLBACK_PREFILL_TO_DECODE = 8;
/** Devices left out at most (one refit each) for the residuals, so learning stays cheap on a large dataset. */
const MAX_RESIDUAL_DEVICES = 40;
/**
 * Runs the leave-a-device-out refits see at most: an evenly spaced sample of a large
 * dataset, so learning stays linear in its size (quantiles of 10,000 ratios are as good
 * as of 100,000); the estimator itself is always fitted on every run.
 */
const MAX_RESIDUAL_RUNS = 10_000;

export function normBackend(backend: string | null | undefined): string {
  const b = (backend ?? "").trim().toLowerCase();
  return b === "" ? "?" : b;
}

export function normRuntime(runtime: string): string {
  return runtime.trim().toLowerCase();
}

/** Bits per weight → a bucket name; null when unknown. */
export function bitsBucket(bitsPerWeight: number | null): string | null {
  if (bitsPerWeight === null || !Number.isFinite(bitsPerWeight) || bitsPerWeight <= 0) return null;
  if (bitsPerWeight < 3.5) return "≤3.5 bpw";
  if (bitsPerWeight < 5.5) return "4–5 bpw";
  if (bitsPerWeight < 7.5) return "6 bpw";
  if (bitsPerWeight < 11) return "8 bpw";
  return "16 bpw";
}

export function bitsPerWeight(sizeGB: number | null, paramsB: number | null): number | null {
  if (sizeGB === null || paramsB === null || !(paramsB > 0) || !(sizeGB > 0)) return null;
  return (sizeGB * 8) / paramsB;
}

/** The facts of one measured run the learner reads. */
export interface LearningRun {
  deviceId: string;
  variantId: string;
  modelId: string;
  runtime: string;
  backend: string;
  bucket: string | null;
  /** Quantization name, upper case ("Q4_K_M", "IQ2_XXS"). */
  quant: string | null;
  decodeEfficiency: number | null;
  prefillPerBandwidth: number | null;
  prefillToDecode: number | null;
}

/** Measured runs joined with their device and variant; runs that teach nothing are left out. */
export function learningRuns(
  runs: readonly SnapshotRun[],
  devices: readonly SnapshotDevice[],
  variants: readonly SnapshotVariant[],
): LearningRun[] {
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const variantById = new Map(variants.map((v) => [v.id, v]));
  const out: LearningRun[] = [];
  for (const run of runs) {
    // Only runs on an empty context: deep-context rows measure a slower, different thing.
    if (run.status !== "measured" || (run.contextDepthTokens ?? 0) > 0) continue;
    const device = deviceById.get(run.deviceId);
    const variant = variantById.get(run.variantId);
    if (!device || !variant) continue;
    const bw = device.memoryBandwidthGBps;
    const size = variant.sizeGB;
    let decodeEfficiency: number | null = null;
    if (run.decodeTokensPerSec && bw && size) {
      const e = (run.decodeTokensPerSec * gbReadPerToken({ ...variant, sizeGB: size })) / bw;
      // Above the roofline is not physically possible (plausibility flags it): it teaches nothing.
      decodeEfficiency = e > 0 && e <= 1 ? e : null;
    }
    const active = activeParams(variant.paramsB, variant.activeParamsB, variant.architecture);
    const prefillPerBandwidth =
      run.prefillTokensPerSec && bw && active ? (run.prefillTokensPerSec * active) / bw : null;
    const prefillToDecode =
      run.prefillTokensPerSec && run.decodeTokensPerSec ? run.prefillTokensPerSec / run.decodeTokensPerSec : null;
    if (decodeEfficiency === null && prefillPerBandwidth === null && prefillToDecode === null) continue;
    out.push({
      deviceId: run.deviceId,
      variantId: run.variantId,
      modelId: variant.modelId,
      runtime: normRuntime(run.runtime),
      backend: normBackend(run.backend),
      bucket: bitsBucket(bitsPerWeight(size, variant.paramsB)),
      quant: normQuant(variant.quantization),
      decodeEfficiency,
      prefillPerBandwidth,
      prefillToDecode,
    });
  }
  return out;
}

export function activeParams(
  paramsB: number | null,
  activeParamsB: number | null,
  architecture: "dense" | "moe" | null,
): number | null {
  if (activeParamsB !== null && activeParamsB > 0 && (architecture === "moe" || paramsB === null || activeParamsB < paramsB)) {
    return activeParamsB;
  }
  return paramsB !== null && paramsB > 0 ? paramsB : null;
}

export function median(values: readonly number[]): number {
  // A typed array sorts numerically without a comparator call per step: learning sorts a lot.
  return quantile(Float64Array.from(values).sort(), 0.5);
}

/** Linear-interpolated quantile of a sorted array. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

type Metric = "decodeEfficiency" | "prefillPerBandwidth" | "prefillToDecode";

export function normQuant(quantization: string | null | undefined): string | null {
  const q = (quantization ?? "").trim().toUpperCase();
  return q === "" ? null : q;
}

function priorKeys(runtime: string, backend: string, bucket: string | null, quant: string | null): string[] {
  const keys: string[] = [];
  if (quant !== null) keys.push(`${runtime}|${backend}|${quant}`);
  if (bucket !== null) keys.push(`${runtime}|${backend}|${bucket}`);
  keys.push(`${runtime}|${backend}`, runtime, "");
  return keys;
}

function learnPriors(runs: readonly LearningRun[], metric: Metric, withBucket: boolean): PriorCell[] {
  const groups = new Map<string, number[]>();
  for (const run of runs) {
    const value = run[metric];
    if (value === null) continue;
    for (const key of priorKeys(run.runtime, run.backend, withBucket ? run.bucket : null, withBucket ? run.quant : null)) {
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    }
  }
  return [...groups].map(([key, values]) => ({ key, value: median(values), runs: values.length }));
}

/** The finest prior with enough runs, and its key. */
export function lookupPrior(
  priors: ReadonlyMap<string, PriorCell>,
  runtime: string,
  backend: string,
  bucket: string | null,
  quant: string | null,
): PriorCell | null {
  for (const key of priorKeys(normRuntime(runtime), normBackend(backend), bucket, quant)) {
    const cell = priors.get(key);
    if (cell && cell.runs >= MIN_PRIOR_RUNS) return cell;
  }
  return null;
}

function learnDeviceFactors(runs: readonly LearningRun[], metric: Metric, priors: ReadonlyMap<string, PriorCell>): DeviceFactor[] {
  // (device, runtime|backend) → variant → ratio to the prior
  const groups = new Map<string, Map<string, number>>();
  for (const run of runs) {
    const value = run[metric];
    if (value === null) continue;
    const prior = lookupPrior(priors, run.runtime, run.backend, run.bucket, run.quant);
    if (!prior || !(prior.value > 0)) continue;
    const key = `${run.deviceId}\u0000${run.runtime}|${run.backend}`;
    const byVariant = groups.get(key) ?? new Map<string, number>();
    byVariant.set(run.variantId, value / prior.value);
    groups.set(key, byVariant);
  }
  return [...groups].map(([key, byVariant]) => {
    const [deviceId, rb] = key.split("\u0000") as [string, string];
    return {
      deviceId,
      key: rb,
      factor: median([...byVariant.values()]),
      variants: byVariant.size,
    };
  });
}

type CoreModel = Omit<LearnedSpeedModel, "residuals" | "power">;

/** Priors and device factors, without residuals. */
function learnCore(runs: readonly LearningRun[]): CoreModel {
  const decodePriors = learnPriors(runs, "decodeEfficiency", true);
  const prefillPriors = learnPriors(runs, "prefillPerBandwidth", true);
  return {
    decode: { priors: decodePriors, devices: learnDeviceFactors(runs, "decodeEfficiency", byKey(decodePriors)) },
    prefill: { priors: prefillPriors, devices: learnDeviceFactors(runs, "prefillPerBandwidth", byKey(prefillPriors)) },
    prefillToDecode: learnPriors(runs, "prefillToDecode", false),
  };
}

const keyed = new WeakMap<readonly PriorCell[], Map<string, PriorCell>>();
export function byKey(cells: readonly PriorCell[]): Map<string, PriorCell> {
  let map = keyed.get(cells);
  if (!map) {
    map = new Map(cells.map((c) => [c.key, c]));
    keyed.set(cells, map);
  }
  return map;
}

const byDeviceIndex = new WeakMap<readonly DeviceFactor[], Map<string, DeviceFactor[]>>();

/** One device's factors, in their order: indexed once per learned model (every device class of every plan asks). */
export function factorsOfDevice(factors: readonly DeviceFactor[], deviceId: string): readonly DeviceFactor[] {
  let index = byDeviceIndex.get(factors);
  if (!index) {
    index = new Map();
    for (const f of factors) {
      const list = index.get(f.deviceId);
      if (list) list.push(f);
      else index.set(f.deviceId, [f]);
    }
    byDeviceIndex.set(factors, index);
  }
  return index.get(deviceId) ?? [];
}

export function findDeviceFactor(
  factors: readonly DeviceFactor[],
  deviceId: string,
  runtime: string,
  backend: string,
): DeviceFactor | null {
  const key = `${normRuntime(runtime)}|${normBackend(backend)}`;
  return factorsOfDevice(factors, deviceId).find((f) => f.key === key) ?? null;
}

/** The learned figure of one (device, variant, runtime, backend): prior × device factor when the device has one. */
function predict(
  part: { priors: PriorCell[]; devices: DeviceFactor[] },
  run: LearningRun,
  useDevice: boolean,
): number | null {
  const prior = lookupPrior(byKey(part.priors), run.runtime, run.backend, run.bucket, run.quant);
  if (!prior) return null;
  if (!useDevice) return prior.value;
  const factor = findDeviceFactor(part.devices, run.deviceId, run.runtime, run.backend);
  return factor ? prior.value * factor.factor : null;
}

function residualsOf(ratios: number[]): Residuals | null {
  if (ratios.length === 0) return null;
  const sorted = ratios.sort((a, b) => a - b);
  return { p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), runs: sorted.length };
}

/** Every n-th key, so at most `max` groups are refitted. */
function sample<T>(items: readonly T[], max: number): readonly T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

/** Watts of a run: its power figure, else its battery drain (`drain%/100 · Wh / 0.5 h`). */
export function runWatts(run: Pick<SnapshotRun, "powerW" | "batteryDrainPctPer30Min">, batteryWh: number | null): number | null {
  if (run.powerW !== null && run.powerW > 0) return run.powerW;
  if (run.batteryDrainPctPer30Min !== null && batteryWh !== null) return ((run.batteryDrainPctPer30Min / 100) * batteryWh) / 0.5;
  return null;
}

function learnPower(runs: readonly SnapshotRun[], devices: readonly SnapshotDevice[]): LearnedSpeedModel["power"] {
  const deviceById = new Map(devices.map((d) => [d.id, d]));
  const groups = new Map<string, { watts: number[]; claimed: boolean }>();
  const add = (key: string, watts: number, claimed: boolean) => {
    const g = groups.get(key) ?? { watts: [], claimed: false };
    g.watts.push(watts);
    g.claimed ||= claimed;
    groups.set(key, g);
  };
  for (const run of runs) {
    if (run.status === "estimated") continue;
    const device = deviceById.get(run.deviceId);
    const watts = runWatts(run, device?.batteryWh ?? null);
    if (watts === null || !device) continue;
    const claimed = run.status === "claimed";
    const backend = normBackend(run.backend);
    add(`d\u0000${device.id}\u0000${backend}`, watts, claimed);
    add(`d\u0000${device.id}\u0000`, watts, claimed);
    add(`k\u0000${device.kind}\u0000`, watts, claimed);
  }
  const out: LearnedSpeedModel["power"] = { devices: [], kinds: [] };
  for (const [k, g] of groups) {
    const [scope, key, backend] = k.split("\u0000") as [string, string, string];
    const figure: PowerFigure = {
      key,
      backend,
      watts: median(g.watts),
      low: Math.min(...g.watts),
      high: Math.max(...g.watts),
      runs: g.watts.length,
      status: g.claimed ? "claimed" : "measured",
    };
    (scope === "d" ? out.devices : out.kinds).push(figure);
  }
  return out;
}

export function learnSpeedModel(
  runs: readonly SnapshotRun[],
  devices: readonly SnapshotDevice[],
  variants: readonly SnapshotVariant[],
  options: { residuals?: boolean } = {},
): LearnedSpeedModel {
  const all = learningRuns(runs, devices, variants);
  const core = { ...learnCore(all), power: learnPower(runs, devices) };
  if (options.residuals === false) {
    const none = { device: null, prior: null };
    return { ...core, residuals: { decode: none, prefill: none } };
  }

  const ratios = { decode: { device: [] as number[], prior: [] as number[] }, prefill: { device: [] as number[], prior: [] as number[] } };
  /** Runs of a device left out, predicted from the priors of a fit without that device. */
  const collect = (held: LearningRun[], fit: CoreModel) => {
    for (const run of held) {
      const d = predict(fit.decode, run, false);
      if (d !== null && run.decodeEfficiency !== null) ratios.decode.prior.push(d / run.decodeEfficiency);
      const p = predict(fit.prefill, run, false);
      if (p !== null && run.prefillPerBandwidth !== null) ratios.prefill.prior.push(p / run.prefillPerBandwidth);
    }
  };
  // Same device, other models: the device factor without the run's own model. (The
  // priors keep it: one model is at most one run of each prior key's dozens, and
  // refitting them for every model costs ~2 ms each, too slow for every data load;
  // npm run audit:estimates refits everything.)
  for (const metric of ["decodeEfficiency", "prefillPerBandwidth"] as const) {
    const target = metric === "decodeEfficiency" ? ratios.decode.device : ratios.prefill.device;
    const priors = byKey(metric === "decodeEfficiency" ? core.decode.priors : core.prefill.priors);
    const groups = groupBy(
      all.filter((r) => r[metric] !== null),
      (r) => `${r.deviceId}\u0000${r.runtime}|${r.backend}`,
    );
    for (const members of groups.values()) {
      const scored = members.flatMap((r) => {
        const prior = lookupPrior(priors, r.runtime, r.backend, r.bucket, r.quant);
        return prior && prior.value > 0 ? [{ run: r, prior: prior.value, ratio: r[metric]! / prior.value }] : [];
      });
      // The median of the other models' ratios, once per model (not once per run: a device
      // with thousands of runs of a model would make this quadratic).
      const othersMedian = new Map<string, number | null>();
      for (const modelId of new Set(scored.map((s) => s.run.modelId))) {
        const others = scored.filter((s) => s.run.modelId !== modelId).map((s) => s.ratio);
        othersMedian.set(modelId, others.length === 0 ? null : median(others));
      }
      for (const held of scored) {
        const m = othersMedian.get(held.run.modelId);
        if (m === null || m === undefined) continue;
        target.push((held.prior * m) / held.run[metric]!);
      }
    }
  }
  // A device never seen: leave the device out and refit.
  const fitted = sample(all, MAX_RESIDUAL_RUNS);
  const byDevice = groupBy(fitted, (r) => r.deviceId);
  for (const deviceId of sample([...byDevice.keys()], MAX_RESIDUAL_DEVICES)) {
    collect(byDevice.get(deviceId)!, learnCore(fitted.filter((r) => r.deviceId !== deviceId)));
  }
  return {
    ...core,
    residuals: {
      decode: { device: residualsOf(ratios.decode.device), prior: residualsOf(ratios.decode.prior) },
      prefill: { device: residualsOf(ratios.prefill.device), prior: residualsOf(ratios.prefill.prior) },
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
