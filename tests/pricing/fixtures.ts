import type { PriceResponse } from "@/lib/schemas/api";

/** A current price version of provider "acme"; tests override what they need. */
export function price(id: number, overrides: Partial<PriceResponse>): PriceResponse {
  const modelKey = overrides.modelKey ?? "big";
  const provider = overrides.provider ?? "acme";
  return {
    id,
    key: `${provider}/${modelKey}`,
    provider,
    modelKey,
    name: `Acme ${modelKey}`,
    inputUsdPerMTok: 1,
    outputUsdPerMTok: 4,
    cachedInputUsdPerMTok: null,
    batchDiscountPct: null,
    batchInputUsdPerMTok: null,
    batchOutputUsdPerMTok: null,
    cacheWriteUsdPerMTok: null,
    longContext: [],
    tiersFrom: null,
    ttftMs: null,
    tokensPerSec: null,
    contextLength: null,
    quality: {},
    kind: "list",
    effectiveDate: "2025-01-01",
    effectiveDateBasis: "took-effect",
    effectiveUntil: null,
    status: "claimed",
    current: true,
    source: { id: 1, kind: "feed", title: "LiteLLM", url: null },
    ...overrides,
  };
}
