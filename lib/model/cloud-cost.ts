/**
 * What one cloud request of a tier costs, and how long it takes.
 *
 *   cost_t    = [in_t·((1−c)·p_in + c·p_cached) + out_t·p_out] / 1e6   (month-1 prices)
 *   latency_t = networkRttMs + ttftMs_cloud + 1000·out_t / tokensPerSec_cloud
 *
 * Month m multiplies the cost by pf(m) (traffic.ts).
 */
export interface CloudPriceNumbers {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number;
  cachedInputShare: number;
}

export function cloudUsdPerRequest(inputTokens: number, outputTokens: number, price: CloudPriceNumbers): number {
  const c = price.cachedInputShare;
  return (
    (inputTokens * ((1 - c) * price.inputUsdPerMTok + c * price.cachedInputUsdPerMTok) +
      outputTokens * price.outputUsdPerMTok) /
    1e6
  );
}

export interface CloudLatencyNumbers {
  networkRttMs: number;
  ttftMs: number;
  tokensPerSec: number;
}

export function cloudLatencyMs(outputTokens: number, cloud: CloudLatencyNumbers): number {
  return cloud.networkRttMs + cloud.ttftMs + (1000 * outputTokens) / cloud.tokensPerSec;
}
