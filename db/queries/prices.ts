import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { longContextPriceSchema } from "@/lib/schemas/benchmark-file";
import type { PriceResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { cloudPrices, sources, type CloudPriceRow } from "../schema";

export interface ListPricesParams {
  provider?: string;
  /** Every version and every quote, not only the price in force. */
  history?: boolean;
  /** The day whose prices are "current" (ISO date); default today. */
  asOf?: string;
}

const longContextListSchema = z.array(longContextPriceSchema);

/**
 * Whether a version can be the price in force on `asOf`: a provider's list price (a document's
 * quote never is) with an input price, that took effect by then and was not replaced before.
 */
function canBeCurrent(p: CloudPriceRow, asOf: string): boolean {
  return (
    p.kind === "list" &&
    p.inputUsdPerMTok !== null &&
    p.effectiveDate <= asOf &&
    (p.effectiveUntil === null || p.effectiveUntil > asOf)
  );
}

/** Same standard prices: input and output equal, cached equal where both sources give one. */
function samePrice(a: CloudPriceRow, b: CloudPriceRow): boolean {
  return (
    a.inputUsdPerMTok === b.inputUsdPerMTok &&
    a.outputUsdPerMTok === b.outputUsdPerMTok &&
    (a.cachedInputUsdPerMTok === null || b.cachedInputUsdPerMTok === null || a.cachedInputUsdPerMTok === b.cachedInputUsdPerMTok)
  );
}

/**
 * The current price of a model at a provider is its newest list version in force on `asOf`
 * (see canBeCurrent). A newer version that only repeats the standard prices of the one before
 * it (another feed read on a later day) confirms that price rather than changing it: the price
 * in force is the earliest version of that unchanged run, dated from when it was first known,
 * with whatever batch and long-context prices its source gave.
 */
export async function listCloudPrices(db: Database, params: ListPricesParams = {}): Promise<PriceResponse[]> {
  const asOf = params.asOf ?? new Date().toISOString().slice(0, 10);
  const conditions: SQL[] = [];
  if (params.provider) conditions.push(eq(cloudPrices.provider, params.provider));
  const rows = await db
    .select({
      price: cloudPrices,
      source: { id: sources.id, kind: sources.kind, title: sources.title, url: sources.url },
    })
    .from(cloudPrices)
    .innerJoin(sources, eq(sources.id, cloudPrices.sourceId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(cloudPrices.provider), asc(cloudPrices.modelKey), desc(cloudPrices.effectiveDate), desc(cloudPrices.id));

  const inForce = new Map<string, CloudPriceRow[]>();
  for (const { price } of rows) {
    if (!canBeCurrent(price, asOf)) continue;
    const key = `${price.provider}/${price.modelKey}`;
    inForce.set(key, [...(inForce.get(key) ?? []), price]);
  }
  const currentIds = new Set<number>();
  for (const versions of inForce.values()) {
    // Newest first (the query's order); walk back while the price stays the same.
    let current = versions[0]!;
    for (const older of versions.slice(1)) {
      if (!samePrice(current, older)) break;
      current = older;
    }
    currentIds.add(current.id);
  }

  return rows
    .filter(({ price }) => params.history || currentIds.has(price.id))
    .map(({ price: p, source }) => ({
      id: p.id,
      key: `${p.provider}/${p.modelKey}`,
      provider: p.provider,
      modelKey: p.modelKey,
      name: p.name,
      inputUsdPerMTok: p.inputUsdPerMTok,
      outputUsdPerMTok: p.outputUsdPerMTok,
      cachedInputUsdPerMTok: p.cachedInputUsdPerMTok,
      batchDiscountPct: p.batchDiscountPct,
      batchInputUsdPerMTok: p.batchInputUsdPerMTok,
      batchOutputUsdPerMTok: p.batchOutputUsdPerMTok,
      cacheWriteUsdPerMTok: p.cacheWriteUsdPerMTok,
      longContext: p.longContextJson ? longContextListSchema.parse(JSON.parse(p.longContextJson)) : [],
      ttftMs: p.ttftMs,
      tokensPerSec: p.tokensPerSec,
      contextLength: p.contextLength,
      quality: p.qualityJson ? (JSON.parse(p.qualityJson) as Record<string, number>) : {},
      kind: p.kind,
      effectiveDate: p.effectiveDate,
      effectiveDateBasis: p.effectiveDateBasis,
      effectiveUntil: p.effectiveUntil,
      status: p.status,
      current: currentIds.has(p.id),
      source,
    }));
}
