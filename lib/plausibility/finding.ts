import { fixed, usd as formatUsd } from "@/lib/model/text";

/** What a plausibility check returns: whether the figure holds, and why in words. */
export interface Finding {
  ok: boolean;
  /** Which check, e.g. "bandwidth-bound". */
  check: string;
  reason: string;
}

export function finding(check: string, ok: boolean, reason: string): Finding {
  return { ok, check, reason };
}

/** Display helper for reasons: thousands separated, up to `maxFractionDigits` decimals. */
export function num(value: number, maxFractionDigits = 2): string {
  return fixed(value, maxFractionDigits);
}

export function usd(value: number): string {
  return formatUsd(value);
}
