/**
 * Decode on a phone is bound by memory bandwidth: every generated token reads the
 * weights once, so tokens/s ≤ bandwidth ÷ bytes read per token. For a
 * mixture-of-experts model only the active parameters are read.
 */
import { finding, num, type Finding } from "./finding";

export interface BandwidthBoundInput {
  decodeTokensPerSec: number;
  memoryBandwidthGBps: number;
  /** File size of the variant (decimal GB). */
  sizeGB: number;
  paramsB?: number | null;
  activeParamsB?: number | null;
  architecture?: "dense" | "moe" | null;
}

/** GB read per generated token: the whole file, or the active share of a MoE's weights. */
export function gbReadPerToken(input: Omit<BandwidthBoundInput, "decodeTokensPerSec" | "memoryBandwidthGBps">): number {
  const { sizeGB, paramsB, activeParamsB, architecture } = input;
  if (architecture === "moe" && activeParamsB && paramsB && activeParamsB < paramsB) {
    return (sizeGB * activeParamsB) / paramsB;
  }
  return sizeGB;
}

export function bandwidthBoundTokensPerSec(
  memoryBandwidthGBps: number,
  input: Omit<BandwidthBoundInput, "decodeTokensPerSec" | "memoryBandwidthGBps">,
): number {
  return memoryBandwidthGBps / gbReadPerToken(input);
}

export function checkDecodeBandwidthBound(input: BandwidthBoundInput): Finding {
  const perToken = gbReadPerToken(input);
  const bound = input.memoryBandwidthGBps / perToken;
  const ok = input.decodeTokensPerSec <= bound;
  const basis = `${num(input.memoryBandwidthGBps)} GB/s ÷ ${num(perToken, 3)} GB read per token`;
  return finding(
    "bandwidth-bound",
    ok,
    ok
      ? `${num(input.decodeTokensPerSec)} tokens/s is within the memory-bandwidth bound of ${num(bound, 1)} tokens/s (${basis})`
      : `${num(input.decodeTokensPerSec)} tokens/s exceeds the memory-bandwidth bound of ${num(bound, 1)} tokens/s (${basis}): not physically possible`,
  );
}
