/** The prices beside the standard ones (batch, cache write, long context), in words for a table cell. */
import { formatUsdPerMTok } from "@/lib/format/numbers";
import type { PriceResponse } from "@/lib/schemas/api";

type TierFields = Pick<PriceResponse, "batchInputUsdPerMTok" | "batchOutputUsdPerMTok" | "cacheWriteUsdPerMTok" | "longContext">;

export function priceTierNotes(p: TierFields): string[] {
  const notes: string[] = [];
  if (p.batchInputUsdPerMTok !== null || p.batchOutputUsdPerMTok !== null) {
    notes.push(`batch ${formatUsdPerMTok(p.batchInputUsdPerMTok)} in / ${formatUsdPerMTok(p.batchOutputUsdPerMTok)} out`);
  }
  if (p.cacheWriteUsdPerMTok !== null) notes.push(`cache write ${formatUsdPerMTok(p.cacheWriteUsdPerMTok)}`);
  for (const tier of p.longContext) {
    const k = tier.aboveInputTokens % 1000 === 0 ? `${tier.aboveInputTokens / 1000}k` : String(tier.aboveInputTokens);
    const out = tier.outputUsdPerMTok === undefined ? "output unchanged" : `${formatUsdPerMTok(tier.outputUsdPerMTok)} out`;
    notes.push(`prompts above ${k} tokens: ${formatUsdPerMTok(tier.inputUsdPerMTok)} in / ${out}`);
  }
  return notes;
}
