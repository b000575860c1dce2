/**
 * Speed, first-token time, power and throttling of the edge variant on one device
 * class: from a run (inline first, then the dataset's preferred run), else the
 * bandwidth-roofline estimate `bandwidthEfficiency·bandwidth/sizeGB` tokens/s.
 *
 * Fallbacks for the figures a run lacks (README.md lists them):
 * - first token: the run's, else its prefill speed at its prompt length, else the
 *   variant's nearest run elsewhere that has one, scaled by the decode ratio
 *   (a device k× slower takes k× longer), else 128 prompt tokens at 8× the decode speed;
 * - power: the run's, else its battery drain (`drain%·Wh/0.5 h`), else the nearest
 *   run with a figure scaled by the decode ratio (constant energy per token),
 *   else DEFAULT_POWER_W;
 * - throttling: the device's own runs, else none (sustained = burst, noted).
 * Every borrowed or computed figure is marked estimated.
 */
import { estimated, figure, type Figure } from "./figure";
import type { RunCandidate } from "./run-choice";

/** Typical phone SoC draw during sustained LLM decode (3–5 W); used only when no run says. */
export const DEFAULT_POWER_W = 4;
/** Assumed prompt for a first-token estimate, and prefill speed relative to decode. */
export const DEFAULT_TTFT_PROMPT_TOKENS = 128;
export const DEFAULT_PREFILL_TO_DECODE_RATIO = 8;
/** Sustained decode never drops below this fraction of burst, so latency stays finite. */
export const MIN_SUSTAINED_FRACTION = 0.01;

export type SpeedBasis = "run" | "estimate" | "none";

export interface EdgeSpeed {
  basis: SpeedBasis;
  /** The run the speed came from (basis "run"). */
  run: RunCandidate | null;
  /** Why the device cannot be planned on the edge (basis "none"). */
  reason: string | null;
  decodeTokensPerSec: Figure | null;
  ttftMs: Figure | null;
  powerW: Figure | null;
  throttlePct: Figure;
  throttleAfterMin: number | null;
}

export interface SpeedInput {
  deviceKey: string;
  deviceName: string;
  memoryBandwidthGBps: number | null;
  batteryWh: number | null;
  sizeGB: number | null;
  bandwidthEfficiency: number;
  /** Runs of the variant on this device, most preferred first. */
  deviceRuns: readonly RunCandidate[];
  /** Runs of the variant on every device, most preferred first. */
  variantRuns: readonly RunCandidate[];
}

export function edgeSpeed(input: SpeedInput): EdgeSpeed {
  const chosen = input.deviceRuns.find((r) => r.decodeTokensPerSec !== null && r.decodeTokensPerSec > 0) ?? null;
  let decode: Figure;
  if (chosen && chosen.decodeTokensPerSec !== null) {
    decode = figure(chosen.decodeTokensPerSec, chosen.status, chosen.source);
  } else if (canEstimate(input)) {
    decode = estimated(
      (input.bandwidthEfficiency * input.memoryBandwidthGBps!) / input.sizeGB!,
      `no run on ${input.deviceName}: ${input.bandwidthEfficiency} × ${input.memoryBandwidthGBps} GB/s ÷ ${input.sizeGB} GB`,
    );
  } else {
    const missing = input.sizeGB === null ? "the model's size is unknown" : "its memory bandwidth is unknown";
    return {
      basis: "none",
      run: null,
      reason: `no benchmark run on ${input.deviceName} and ${missing}: speed cannot be estimated`,
      decodeTokensPerSec: null,
      ttftMs: null,
      powerW: null,
      throttlePct: estimated(0, "no throttling figure"),
      throttleAfterMin: null,
    };
  }

  const others = input.variantRuns.filter((r) => r.deviceKey !== input.deviceKey);
  // Same device first (other runtimes or sources), then other devices.
  const borrowFrom = [...input.deviceRuns.filter((r) => r !== chosen), ...others];
  const throttle = firstThrottle(chosen, input.deviceRuns);
  return {
    basis: chosen ? "run" : "estimate",
    run: chosen,
    reason: null,
    decodeTokensPerSec: decode,
    ttftMs: firstTokenMs(chosen, decode.value, borrowFrom),
    powerW: powerW(chosen, decode.value, input.batteryWh, borrowFrom),
    throttlePct: throttle.pct,
    throttleAfterMin: throttle.afterMin,
  };
}

function canEstimate(input: SpeedInput): boolean {
  const { memoryBandwidthGBps: bw, sizeGB } = input;
  return bw !== null && sizeGB !== null && bw > 0 && sizeGB > 0 && Number.isFinite(bw / sizeGB);
}

function firstTokenMs(chosen: RunCandidate | null, decode: number, borrowFrom: readonly RunCandidate[]): Figure {
  if (chosen?.ttftMs != null) return figure(chosen.ttftMs, chosen.status, chosen.source);
  if (chosen?.prefillTokensPerSec && chosen.promptTokens) {
    return estimated(
      (1000 * chosen.promptTokens) / chosen.prefillTokensPerSec,
      `${chosen.promptTokens} prompt tokens at the run's ${chosen.prefillTokensPerSec} tokens/s prefill`,
    );
  }
  const ref = borrowFrom.find((r) => r.ttftMs !== null && r.decodeTokensPerSec !== null && r.decodeTokensPerSec > 0);
  if (ref && ref.ttftMs !== null && ref.decodeTokensPerSec !== null) {
    return estimated(
      (ref.ttftMs * ref.decodeTokensPerSec) / decode,
      `${ref.ttftMs} ms on ${ref.deviceKey} (${ref.source}) scaled by decode ${ref.decodeTokensPerSec} → ${decode} tokens/s`,
    );
  }
  return estimated(
    (1000 * DEFAULT_TTFT_PROMPT_TOKENS) / (DEFAULT_PREFILL_TO_DECODE_RATIO * decode),
    `no first-token figure: ${DEFAULT_TTFT_PROMPT_TOKENS} prompt tokens at ${DEFAULT_PREFILL_TO_DECODE_RATIO}× the decode speed`,
  );
}

/** Watts from a run: its own figure, else its battery drain on its device's battery. */
function runPowerW(run: RunCandidate, batteryWh: number | null): { watts: number; fromDrain: boolean } | null {
  if (run.powerW !== null) return { watts: run.powerW, fromDrain: false };
  if (run.batteryDrainPctPer30Min !== null && batteryWh !== null) {
    // drain% of the battery in half an hour: (drain/100)·Wh per 0.5 h.
    return { watts: ((run.batteryDrainPctPer30Min / 100) * batteryWh) / 0.5, fromDrain: true };
  }
  return null;
}

function powerW(
  chosen: RunCandidate | null,
  decode: number,
  batteryWh: number | null,
  borrowFrom: readonly RunCandidate[],
): Figure {
  if (chosen) {
    const own = runPowerW(chosen, chosen.deviceBatteryWh ?? batteryWh);
    if (own && !own.fromDrain) return figure(own.watts, chosen.status, chosen.source);
    if (own) {
      return estimated(
        own.watts,
        `from ${chosen.batteryDrainPctPer30Min}% battery per 30 min (${chosen.source}): drain × Wh ÷ 0.5 h`,
      );
    }
  }
  for (const ref of borrowFrom) {
    if (ref.decodeTokensPerSec === null || ref.decodeTokensPerSec <= 0) continue;
    const theirs = runPowerW(ref, ref.deviceBatteryWh);
    if (!theirs) continue;
    return estimated(
      (theirs.watts * decode) / ref.decodeTokensPerSec,
      `${theirs.watts} W on ${ref.deviceKey} (${ref.source}) scaled by decode ${ref.decodeTokensPerSec} → ${decode} tokens/s (same energy per token)`,
    );
  }
  return estimated(DEFAULT_POWER_W, `no power figure for this model: ${DEFAULT_POWER_W} W assumed (typical phone SoC under load)`);
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
