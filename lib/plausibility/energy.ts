/**
 * Energy figures that physics rules out.
 * - Energy per token: a dense model reads all its weights for every token, and
 *   moving ~4 GB from LPDDR costs on the order of 0.2 J or more; a dense ≥7B model
 *   on a CPU or GPU reporting less than that is implausible. NPU runs are exempt
 *   (vendors report lower figures; the DRAM floor still applies, but loosely).
 * - Battery drain: a phone sustains a few watts; a drain figure implying more than
 *   15 W is a wrong figure or a wrong battery.
 */
import { finding, num, type Finding } from "./finding";

export const MIN_DENSE_7B_JOULES_PER_TOKEN = 0.2;
export const MAX_PHONE_POWER_W = 15;

export interface EnergyPerTokenInput {
  powerW: number;
  decodeTokensPerSec: number;
  paramsB: number | null;
  architecture?: "dense" | "moe" | null;
  /** "cpu", "gpu", "npu" …; unknown counts as CPU/GPU. */
  processor?: string | null;
}

export function checkEnergyPerToken(input: EnergyPerTokenInput): Finding {
  const joules = input.powerW / input.decodeTokensPerSec;
  const what = `${num(input.powerW)} W at ${num(input.decodeTokensPerSec)} tokens/s is ${num(joules, 3)} J per token`;
  const applies =
    input.paramsB !== null &&
    input.paramsB >= 7 &&
    input.architecture !== "moe" &&
    !/npu|hexagon|htp|qnn|ane|neural/i.test(input.processor ?? "");
  if (!applies) return finding("energy-per-token", true, `${what} (no floor applies to this model or processor)`);
  const ok = joules >= MIN_DENSE_7B_JOULES_PER_TOKEN;
  return finding(
    "energy-per-token",
    ok,
    ok
      ? what
      : `${what}: implausibly low for a dense ${num(input.paramsB ?? 0)}B model, which reads all its weights per token (order ${MIN_DENSE_7B_JOULES_PER_TOKEN} J)`,
  );
}

/** Average watts implied by losing drain % of a battery in 30 minutes. */
export function powerFromDrainW(drainPctPer30Min: number, batteryWh: number): number {
  return ((drainPctPer30Min / 100) * batteryWh) / 0.5;
}

export function checkBatteryDrain(input: { drainPctPer30Min: number; batteryWh: number }): Finding {
  const watts = powerFromDrainW(input.drainPctPer30Min, input.batteryWh);
  const ok = watts <= MAX_PHONE_POWER_W;
  const what = `${num(input.drainPctPer30Min)}% of ${num(input.batteryWh)} Wh in 30 minutes is ${num(watts, 1)} W`;
  return finding(
    "battery-drain",
    ok,
    ok ? what : `${what}, far above the ~${MAX_PHONE_POWER_W} W a phone can sustain`,
  );
}
