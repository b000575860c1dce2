/** The model fixtures' dataset with one price that has both a batch and a long-context tier. */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { price, standardSnapshot } from "./fixtures";

/**
 * standardSnapshot() plus "acme/long": $1 / $2 per 1M tokens, no cached price, batch $0.50 / $1,
 * and prompts above 100,000 tokens billed $2 / $4.
 */
export function snapshotWithLongContextPrice(): DatasetSnapshot {
  const snapshot = standardSnapshot();
  snapshot.prices.push(
    price({
      id: "acme/long",
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2,
      cachedInputUsdPerMTok: null,
      batchInputUsdPerMTok: 0.5,
      batchOutputUsdPerMTok: 1,
      longContext: [{ aboveInputTokens: 100_000, inputUsdPerMTok: 2, outputUsdPerMTok: 4 }],
    }),
  );
  return snapshot;
}
