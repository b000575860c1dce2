/**
 * How long one request of a tier takes on the edge, at burst speed and after
 * the throttling onset. Routing compares the *burst* figure with the latency
 * budget (a request rarely follows minutes of continuous decode); both are shown.
 *
 *   burst     = ttftMs + 1000·out_t / decode
 *   sustained = ttftMs + 1000·out_t / (decode·(1 − throttle/100))
 */
import { sustainedDecode } from "./speed";

export function edgeLatencyMs(ttftMs: number, outputTokens: number, decodeTokensPerSec: number): number {
  return ttftMs + (1000 * outputTokens) / decodeTokensPerSec;
}

export function sustainedEdgeLatencyMs(
  ttftMs: number,
  outputTokens: number,
  decodeTokensPerSec: number,
  throttlePct: number,
): number {
  return edgeLatencyMs(ttftMs, outputTokens, sustainedDecode(decodeTokensPerSec, throttlePct));
}
