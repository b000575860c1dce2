/**
 * Speed, first-token time, power and throttling of the edge variant on one device
 * class: from a run (inline first, then the dataset's preferred run), else an
 * estimate. README.md lists the fallbacks; in short:
 *
 * - decode: the run's; else `bandwidthEfficiency·bandwidth/sizeGB` when the scenario
 *   sets an efficiency (the v1 formula); else the learned efficiency (learned-speed.ts)
 *   × bandwidth ÷ GB read per token (active parameters for mixture-of-experts);
 * - first token: a run's `ttftMs` stays as given; otherwise it grows with the
 *   tier's input tokens at the prefill speed: the run's, else one derived from its
 *   own `ttftMs` at a known prompt length, else the learned prefill estimate;
 * - power: the run's, else its battery drain (`drain%·Wh/0.5 h`), else the nearest
 *   run with a figure scaled by the decode ratio (constant energy per token),
 *   else DEFAULT_POWER_W;
 * - throttling: the device's own runs, else none (sustained = burst, noted).
 * Every borrowed or computed figure is marked estimated, with its basis and range.
 */
import { estimated, figure, type Figure } from "./figure";
import {
  byKey,
  FALLBACK_DECODE_EFFICIENCY,
  FALLBACK_PREFILL_TO_DECODE,
  factorsOfDevice,
  findDeviceFactor,
  lookupPrior,
  normBackend,
  normRuntime,
  type LearnedSpeedModel,
  type PowerFigure,
  type Residuals,
  runWatts,
} from "./learned-speed";
import type { RunCandidate } from "./run-choice";
import type { DeviceKind } from "@/lib/schemas/benchmark-file";

/** Typical phone SoC draw during sustained LLM decode (3–5 W); used only when no run says. */
export const DEFAULT_POWER_W = 4;
/** Sustained decode never drops below this fraction of burst, so latency stays finite. */
export const MIN_SUSTAINED_FRACTION = 0.01;

export type SpeedBasis = "run" | "estimate" | "none";

/**
 * Where one figure comes from: the chosen run, the scenario's own efficiency, the
 * device's runs of other models, the learned prior of devices in general, or a default.
 */
export type FigureBasis = "run" | "scenario" | "device" | "prior" | "default";

/** Low and high of an estimate, from how far such estimates fall from measured runs. */
export interface Range {
  low: number;
  high: number;
}

export interface EdgeSpeed {
  basis: SpeedBasis;
  /** The run the speed came from (basis "run"). */
  run: RunCandidate | null;
  /** The backend the figures are for (the run's, the scenario's, or the device's best measured one). */
  backend: string | null;
  /** Why the device cannot be planned on the edge (basis "none"). */
  reason: string | null;
  decodeTokensPerSec: Figure | null;
  decodeBasis: FigureBasis | null;
  decodeRange: Range | null;
  /** A first-token time that does not depend on the prompt (an inline or dataset run's `ttftMs`). */
  ttftMs: Figure | null;
  /** Prefill speed: first token of tier t = 1000·in_t / prefill ms (when ttftMs is null). */
  prefillTokensPerSec: Figure | null;
  prefillBasis: FigureBasis | null;
  prefillRange: Range | null;
  powerW: Figure | null;
  /** run (its own or drain) | device (this device, other runtime or models) | prior (other devices, its kind) | default. */
  powerBasis: FigureBasis | null;
  /** Low–high of a power taken as a median of other runs: their least and most. */
  powerRange: Range | null;
  throttlePct: Figure;
  throttleAfterMin: number | null;
}

/** What the speed reads of the variant (derive.ts computes it once per plan, or once per snapshot). */
export type VariantFacts = Pick<SpeedInput, "sizeGB" | "gbPerToken" | "activeParamsB" | "bitsBucket" | "quantization">;

export interface SpeedInput {
  deviceKey: string;
  deviceName: string;
  /** The dataset id of the device (its learned factors), null for an inline device. */
  datasetDeviceId: string | null;
  deviceKind: DeviceKind;
  memoryBandwidthGBps: number | null;
  batteryWh: number | null;
  sizeGB: number | null;
  /** GB read per generated token (the active share of a mixture-of-experts); sizeGB otherwise. */
  gbPerToken: number | null;
  /** Parameters computed per token, in billions (active ones for mixture-of-experts). */
  activeParamsB: number | null;
  bitsBucket: string | null;
  quantization: string | null;
  runtime: string;
  /** The scenario's `edge.backend`, if any. */
  backend: string | null;
  /** The scenario's efficiency (class's own, else constraints'); undefined: learned. */
  bandwidthEfficiency: number | undefined;
  learned: LearnedSpeedModel;
  /** Runs of the variant on this device, most preferred first. */
  deviceRuns: readonly RunCandidate[];
  /** Runs of the variant on every device, most preferred first. */
  variantRuns: readonly RunCandidate[];
}

export function edgeSpeed(input: SpeedInput): EdgeSpeed {
  const chosen = input.deviceRuns.find((r) => r.decodeTokensPerSec !== null && r.decodeTokensPerSec > 0) ?? null;
  const backend = chosen ? chosen.backend : (input.backend ?? bestMeasuredBackend(input));
  let decode: Figure;
  let decodeBasis: FigureBasis;
  let decodeRange: Range | null = null;
  if (chosen && chosen.decodeTokensPerSec !== null) {
    decode = figure(chosen.decodeTokensPerSec, chosen.status, chosen.source);
    decodeBasis = "run";
  } else if (canEstimate(input)) {
    const e = decodeEstimate(input, backend);
    decode = e.figure;
    decodeBasis = e.basis;
    decodeRange = e.range;
  } else {
    const missing = input.sizeGB === null ? "the model's size is unknown" : "its memory bandwidth is unknown";
    return {
      basis: "none",
      run: null,
      backend,
      reason: `no benchmark run on ${input.deviceName} and ${missing}: speed cannot be estimated`,
      decodeTokensPerSec: null,
      decodeBasis: null,
      decodeRange: null,
      ttftMs: null,
      prefillTokensPerSec: null,
      prefillBasis: null,
      prefillRange: null,
      powerW: null,
      powerBasis: null,
      powerRange: null,
      throttlePct: estimated(0, "no throttling figure"),
      throttleAfterMin: null,
    };
  }

  const others = input.variantRuns.filter((r) => r.deviceKey !== input.deviceKey);
  // Same device first (other runtimes or sources), then other devices.
  const borrowFrom = [...input.deviceRuns.filter((r) => r !== chosen), ...others];
  const throttle = firstThrottle(chosen, input.deviceRuns);
  const first = firstToken(input, chosen, backend, decode.value);
  return {
    basis: chosen ? "run" : "estimate",
    run: chosen,
    backend,
    reason: null,
    decodeTokensPerSec: decode,
    decodeBasis,
    decodeRange,
    ...first,
    ...powered(powerW(chosen, decode.value, input, backend, borrowFrom)),
    throttlePct: throttle.pct,
    throttleAfterMin: throttle.afterMin,
  };
}

function canEstimate(input: SpeedInput): boolean {
  const { memoryBandwidthGBps: bw, sizeGB } = input;
  return bw !== null && sizeGB !== null && bw > 0 && sizeGB > 0 && Number.isFinite(bw / sizeGB);
}

/** Without a scenario backend: the backend of the runtime that decodes fastest on this device in its measured runs. */
function bestMeasuredBackend(input: SpeedInput): string | null {
  if (input.datasetDeviceId === null) return null;
  const runtime = normRuntime(input.runtime);
  let best: { backend: string; factor: number } | null = null;
  for (const f of factorsOfDevice(input.learned.decode.devices, input.datasetDeviceId)) {
    const [rt, be] = f.key.split("|") as [string, string];
    if (rt !== runtime) continue;
    const prior = lookupPrior(byKey(input.learned.decode.priors), rt, be, input.bitsBucket, input.quantization);
    const value = (prior?.value ?? 0) * f.factor;
    if (!best || value > best.factor) best = { backend: be, factor: value };
  }
  return best?.backend ?? null;
}

function rangeFrom(value: number, residuals: Residuals | null): Range | null {
  // estimate ÷ measured = r, so the measured value lies at estimate ÷ r.
  if (!residuals || !(residuals.p10 > 0) || !(residuals.p90 > 0)) return null;
  return { low: value / residuals.p90, high: value / residuals.p10 };
}

function learnedFactor(
  part: LearnedSpeedModel["decode"],
  input: SpeedInput,
  backend: string | null,
): { value: number; basis: "device" | "prior"; note: string } | null {
  const be = normBackend(backend);
  const prior = lookupPrior(byKey(part.priors), input.runtime, be, input.bitsBucket, input.quantization);
  if (!prior) return null;
  const priorNote = `learned from ${prior.runs} measured runs (${prior.key || "all runtimes"})`;
  const device =
    input.datasetDeviceId === null ? null : findDeviceFactor(part.devices, input.datasetDeviceId, input.runtime, be);
  if (device) {
    return {
      value: prior.value * device.factor,
      basis: "device",
      note: `${priorNote} × ${sig(device.factor)} for ${input.deviceName} (its runs of ${device.variants} other models)`,
    };
  }
  return { value: prior.value, basis: "prior", note: priorNote };
}

function decodeEstimate(
  input: SpeedInput,
  backend: string | null,
): { figure: Figure; basis: FigureBasis; range: Range | null } {
  const bw = input.memoryBandwidthGBps!;
  if (input.bandwidthEfficiency !== undefined) {
    return {
      figure: estimated(
        (input.bandwidthEfficiency * bw) / input.sizeGB!,
        `no run on ${input.deviceName}: ${input.bandwidthEfficiency} × ${bw} GB/s ÷ ${input.sizeGB} GB`,
      ),
      basis: "scenario",
      range: null,
    };
  }
  const gb = input.gbPerToken ?? input.sizeGB!;
  const learned = learnedFactor(input.learned.decode, input, backend);
  const efficiency = learned?.value ?? FALLBACK_DECODE_EFFICIENCY;
  const value = (efficiency * bw) / gb;
  const note = learned
    ? `no run on ${input.deviceName}: efficiency ${sig(efficiency)} (${learned.note}) × ${bw} GB/s ÷ ${sig(gb)} GB read per token`
    : `no run on ${input.deviceName} and no measured runs to learn from: ${FALLBACK_DECODE_EFFICIENCY} × ${bw} GB/s ÷ ${sig(gb)} GB`;
  const basis = learned?.basis ?? "default";
  const residuals = basis === "default" ? null : input.learned.residuals.decode[basis];
  return { figure: estimated(value, note), basis, range: rangeFrom(value, residuals) };
}

type FirstToken = Pick<EdgeSpeed, "ttftMs" | "prefillTokensPerSec" | "prefillBasis" | "prefillRange">;

function firstToken(input: SpeedInput, chosen: RunCandidate | null, backend: string | null, decode: number): FirstToken {
  // The contract keeps an inline run's first-token time exactly as given.
  if (chosen?.origin === "inline" && chosen.ttftMs !== null) {
    return { ttftMs: figure(chosen.ttftMs, chosen.status, chosen.source), prefillTokensPerSec: null, prefillBasis: "run", prefillRange: null };
  }
  if (chosen?.prefillTokensPerSec) {
    return {
      ttftMs: null,
      prefillTokensPerSec: figure(chosen.prefillTokensPerSec, chosen.status, chosen.source),
      prefillBasis: "run",
      prefillRange: null,
    };
  }
  if (chosen?.ttftMs != null) {
    if (chosen.origin === "dataset" && chosen.promptTokens && chosen.ttftMs > 0) {
      return {
        ttftMs: null,
        prefillTokensPerSec: estimated(
          (1000 * chosen.promptTokens) / chosen.ttftMs,
          `the run's ${chosen.ttftMs} ms first token at ${chosen.promptTokens} prompt tokens`,
        ),
        prefillBasis: "run",
        prefillRange: null,
      };
    }
    // A first-token time without its prompt length (or given inline) stays as given.
    return {
      ttftMs: figure(chosen.ttftMs, chosen.status, chosen.source),
      prefillTokensPerSec: null,
      prefillBasis: "run",
      prefillRange: null,
    };
  }
  const bw = input.memoryBandwidthGBps;
  const learned = bw !== null && input.activeParamsB !== null ? learnedFactor(input.learned.prefill, input, backend) : null;
  if (learned && bw !== null && input.activeParamsB !== null) {
    const value = (learned.value * bw) / input.activeParamsB;
    return {
      ttftMs: null,
      prefillTokensPerSec: estimated(
        value,
        `${sig(learned.value)} tokens/s·B-params per GB/s (${learned.note}) × ${bw} GB/s ÷ ${sig(input.activeParamsB)} B active parameters`,
      ),
      prefillBasis: learned.basis,
      prefillRange: rangeFrom(value, input.learned.residuals.prefill[learned.basis]),
    };
  }
  const ratio = lookupPrior(byKey(input.learned.prefillToDecode), input.runtime, normBackend(backend), null, null);
  const value = (ratio?.value ?? FALLBACK_PREFILL_TO_DECODE) * decode;
  return {
    ttftMs: null,
    prefillTokensPerSec: estimated(
      value,
      ratio
        ? `${sig(ratio.value)}× the decode speed (prefill ÷ decode of ${ratio.runs} measured runs, ${ratio.key || "all runtimes"})`
        : `no measured prefill to learn from: ${FALLBACK_PREFILL_TO_DECODE}× the decode speed`,
    ),
    prefillBasis: ratio ? "prior" : "default",
    prefillRange: ratio ? rangeFrom(value, input.learned.residuals.prefill.prior) : null,
  };
}

function powered(p: Powered): Pick<EdgeSpeed, "powerW" | "powerBasis" | "powerRange"> {
  return { powerW: p.power, powerBasis: p.basis, powerRange: p.range ?? null };
}

/** A median's range: the least and most of the runs it comes from (none from a single run). */
function spread(p: PowerFigure): Range | undefined {
  return p.runs > 1 && p.high > p.low ? { low: p.low, high: p.high } : undefined;
}

/** First-token time of a prompt of `inputTokens`, ms. */
export function firstTokenMs(speed: Pick<EdgeSpeed, "ttftMs" | "prefillTokensPerSec">, inputTokens: number): number {
  if (speed.ttftMs) return speed.ttftMs.value;
  return speed.prefillTokensPerSec ? (1000 * inputTokens) / speed.prefillTokensPerSec.value : 0;
}

function sig(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/** Watts from a run: its own figure, else its battery drain on its device's battery. */
function runPowerW(run: RunCandidate, batteryWh: number | null): { watts: number; fromDrain: boolean } | null {
  const watts = runWatts(run, batteryWh);
  return watts === null ? null : { watts, fromDrain: !(run.powerW !== null && run.powerW > 0) };
}

interface Powered {
  power: Figure | null;
  basis: FigureBasis | null;
  /** The spread of the runs a median comes from. */
  range?: Range;
}

function powerW(
  chosen: RunCandidate | null,
  decode: number,
  input: SpeedInput,
  backend: string | null,
  borrowFrom: readonly RunCandidate[],
): Powered {
  if (chosen) {
    const own = runPowerW(chosen, chosen.deviceBatteryWh ?? input.batteryWh);
    if (own && !own.fromDrain) return { power: figure(own.watts, chosen.status, chosen.source), basis: "run" };
    if (own) {
      const note = `from ${chosen.batteryDrainPctPer30Min}% battery per 30 min (${chosen.source}): drain × Wh ÷ 0.5 h`;
      return { power: estimated(own.watts, note), basis: "run" };
    }
  }
  const borrowed = (refs: readonly RunCandidate[]): Figure | null => {
    for (const ref of refs) {
      if (ref.decodeTokensPerSec === null || ref.decodeTokensPerSec <= 0) continue;
      const theirs = runPowerW(ref, ref.deviceBatteryWh);
      if (!theirs) continue;
      return estimated(
        (theirs.watts * decode) / ref.decodeTokensPerSec,
        `${theirs.watts} W on ${ref.deviceKey} (${ref.source}) scaled by decode ${ref.decodeTokensPerSec} → ${decode} tokens/s (same energy per token)`,
      );
    }
    return null;
  };
  const sameDevice = borrowed(borrowFrom.filter((r) => r.deviceKey === input.deviceKey));
  if (sameDevice) return { power: sameDevice, basis: "device" };
  const { devices, kinds } = input.learned.power;
  if (input.datasetDeviceId !== null) {
    const be = normBackend(backend);
    const mine = devices.filter((p) => p.key === input.datasetDeviceId);
    const same = mine.find((p) => p.backend === be) ?? mine.find((p) => p.backend === "");
    if (same) {
      const on = `${input.deviceName}${same.backend ? ` (${same.backend})` : ""}`;
      const note = `median draw of ${same.runs} ${same.status} run(s) on ${on} with other models`;
      return { power: estimated(same.watts, note), basis: "device", range: spread(same) };
    }
  }
  const otherDevice = borrowed(borrowFrom.filter((r) => r.deviceKey !== input.deviceKey));
  if (otherDevice) return { power: otherDevice, basis: "prior" };
  const kind = kinds.find((p) => p.key === input.deviceKind);
  if (kind) {
    const note = `median draw of ${kind.runs} ${kind.status} run(s) on ${input.deviceKind}s in the dataset`;
    return { power: estimated(kind.watts, note), basis: "prior", range: spread(kind) };
  }
  if (input.deviceKind === "phone" || input.deviceKind === "tablet") {
    const note = `no power figure for this model: ${DEFAULT_POWER_W} W assumed (typical phone SoC under load)`;
    return { power: estimated(DEFAULT_POWER_W, note), basis: "default" };
  }
  return { power: null, basis: null };
}

function firstThrottle(
  chosen: RunCandidate | null,
  deviceRuns: readonly RunCandidate[],
): { pct: Figure; afterMin: number | null } {
  const run = chosen?.throttlePct != null ? chosen : deviceRuns.find((r) => r.throttlePct !== null);
  if (run && run.throttlePct !== null) {
    const pct =
      run === chosen
        ? figure(run.throttlePct, run.status, run.source)
        : estimated(run.throttlePct, `from another run on this device (${run.source})`);
    return { pct, afterMin: run.throttleAfterMin };
  }
  return { pct: estimated(0, "no throttling figure: sustained speed taken as burst speed"), afterMin: null };
}

/** Decode speed after the throttling onset. */
export function sustainedDecode(decodeTokensPerSec: number, throttlePct: number): number {
  return decodeTokensPerSec * Math.max(1 - throttlePct / 100, MIN_SUSTAINED_FRACTION);
}
