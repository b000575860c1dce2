/**
 * What one cloud request of a tier costs, and how long it takes.
 *
 *   cost_t    = [in_t·((1−c)·p_in + c·p_cached) + out_t·p_out] / 1e6   (month-1 prices)
 *   latency_t = networkRttMs + ttftMs_cloud + 1000·out_t / tokensPerSec_cloud
 *
 * Beyond the contract's formula, two price tiers the providers bill:
 * - long context: once a request's prompt passes a tier's threshold (in_t > aboveInputTokens),
 *   the whole request is billed at that tier's prices (LiteLLM's `*_above_200k_tokens`); a tier
 *   without its own output or cached price keeps the standard one;
 * - batch: a share b of the requests goes through the provider's batch API, billed
 *   [in_t·p_batch_in + out_t·p_batch_out] / 1e6 (no cache discount there); a price without
 *   batch prices bills them at the standard prices:
 *   cost_t = (1−b)·standard_t + b·batch_t;
 * - retries: a share r of the requests is billed a second time: cost_t·(1 + r).
 * With no tiers, b = 0 and r = 0 this is the contract's formula exactly.
 *
 * Month m multiplies the cost by pf(m) (traffic.ts).
 */
export interface LongContextTier {
  aboveInputTokens: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok?: number;
  cachedInputUsdPerMTok?: number;
}

export interface CloudPriceTiers {
  /** Where these prices come from, when not from the price's own source. */
  source?: string;
  longContext: readonly LongContextTier[];
  batchInputUsdPerMTok: number | null;
  batchOutputUsdPerMTok: number | null;
}

export const NO_PRICE_TIERS: CloudPriceTiers = { longContext: [], batchInputUsdPerMTok: null, batchOutputUsdPerMTok: null };

export interface CloudPriceNumbers {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number;
  cachedInputShare: number;
  /** Share of requests sent through the batch API; 0 when omitted. */
  batchShare?: number;
  /** Share of requests billed a second time (retries); 0 when omitted. */
  retryShare?: number;
  tiers?: CloudPriceTiers;
}

/** The long-context tier a prompt of `inputTokens` falls in (the highest threshold it passes), or null. */
export function longContextTierFor(inputTokens: number, tiers: readonly LongContextTier[]): LongContextTier | null {
  let chosen: LongContextTier | null = null;
  for (const tier of tiers) {
    if (inputTokens > tier.aboveInputTokens && (chosen === null || tier.aboveInputTokens > chosen.aboveInputTokens)) chosen = tier;
  }
  return chosen;
}

export function cloudUsdPerRequest(inputTokens: number, outputTokens: number, price: CloudPriceNumbers): number {
  const c = price.cachedInputShare;
  const tiers = price.tiers ?? NO_PRICE_TIERS;
  const long = longContextTierFor(inputTokens, tiers.longContext);
  const pIn = long ? long.inputUsdPerMTok : price.inputUsdPerMTok;
  const pOut = long?.outputUsdPerMTok ?? price.outputUsdPerMTok;
  const pCached = long?.cachedInputUsdPerMTok ?? price.cachedInputUsdPerMTok;
  const standard = (inputTokens * ((1 - c) * pIn + c * pCached) + outputTokens * pOut) / 1e6;
  const retried = 1 + (price.retryShare ?? 0);
  const b = price.batchShare ?? 0;
  if (b === 0) return standard * retried;
  const batch =
    tiers.batchInputUsdPerMTok === null || tiers.batchOutputUsdPerMTok === null
      ? standard
      : (inputTokens * tiers.batchInputUsdPerMTok + outputTokens * tiers.batchOutputUsdPerMTok) / 1e6;
  return ((1 - b) * standard + b * batch) * retried;
}

export interface CloudLatencyNumbers {
  networkRttMs: number;
  ttftMs: number;
  tokensPerSec: number;
}

export function cloudLatencyMs(outputTokens: number, cloud: CloudLatencyNumbers): number {
  return cloud.networkRttMs + cloud.ttftMs + (1000 * outputTokens) / cloud.tokensPerSec;
}
