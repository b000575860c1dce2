/** Per-token feed prices → USD per 1M tokens, and the traps both feeds share. */
import { clean } from "./ids";

/** USD per token → USD per 1M tokens, without binary noise (3e-7 → 0.3, not 0.29999999999999993). */
export function perMillion(usdPerToken: number): number {
  return clean(usdPerToken * 1e6);
}

/**
 * Real copies hold per-million values in per-token fields (0.022 "per token" is
 * $22,000 per 1M). Above these bounds a per-token price is not believable; the
 * row is skipped rather than divided by a guessed factor.
 */
export const MAX_BELIEVABLE_INPUT_USD_PER_TOKEN = 2e-4;
export const MAX_BELIEVABLE_OUTPUT_USD_PER_TOKEN = 1e-3;

export function suspectPerMillion(input: number, output: number): boolean {
  return input > MAX_BELIEVABLE_INPUT_USD_PER_TOKEN || output > MAX_BELIEVABLE_OUTPUT_USD_PER_TOKEN;
}

/** Batch discount in percent from a batch input price, when it is a discount at all. */
export function batchDiscountPct(input: number, batchInput: number | undefined): number | undefined {
  if (batchInput === undefined || !(input > 0) || !(batchInput >= 0) || batchInput > input) return undefined;
  return clean((1 - batchInput / input) * 100, 6);
}
