import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { longContextPriceSchema } from "@/lib/schemas/benchmark-file";
import type { PriceResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { cloudPrices, sources, type CloudPriceRow } from "../schema";
import { listCloudFactFigures, withCloudFacts } from "./cloud-facts";

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

type SourceRef = PriceResponse["source"];

const hasTiers = (p: CloudPriceRow) =>
  p.batchInputUsdPerMTok !== null || p.batchOutputUsdPerMTok !== null || p.cacheWriteUsdPerMTok !== null || p.longContextJson !== null;

/**
 * The current price of a model at a provider is its newest list version in force on `asOf`
 * (see canBeCurrent). When that version gives no batch, cache-write or long-context prices and
 * only repeats the standard prices of the versions before it (a later feed that lists less
 * detail), the newest of those that gives them lends them: the same price has the same tiers.
 * The response names that version in `tiersFrom`.
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

  const inForce = new Map<string, { price: CloudPriceRow; source: SourceRef }[]>();
  for (const row of rows) {
    if (!canBeCurrent(row.price, asOf)) continue;
    const key = `${row.price.provider}/${row.price.modelKey}`;
    inForce.set(key, [...(inForce.get(key) ?? []), row]);
  }
  const currentIds = new Set<number>();
  /** Current version id → the earlier version of the same price whose tiers it takes. */
  const lenders = new Map<number, { price: CloudPriceRow; source: SourceRef }>();
  for (const versions of inForce.values()) {
    const [newest, ...older] = versions; // newest first: the query's order
    if (!newest) continue;
    currentIds.add(newest.price.id);
    if (hasTiers(newest.price)) continue;
    for (const o of older) {
      if (!samePrice(newest.price, o.price)) break;
      if (hasTiers(o.price)) {
        lenders.set(newest.price.id, o);
        break;
      }
    }
  }

  const facts = await listCloudFactFigures(db);
  return rows
    .filter(({ price }) => params.history || currentIds.has(price.id))
    .map(({ price: own, source }) => {
      const lender = lenders.get(own.id);
      const p = lender ? { ...own, ...tierFieldsOf(lender.price) } : own;
      return withCloudFacts({
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
        tiersFrom: lender ? { effectiveDate: lender.price.effectiveDate, source: lender.source } : null,
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
      }, facts.get(`${p.provider}/${p.modelKey}`));
    });
}

function tierFieldsOf(p: CloudPriceRow) {
  return {
    batchDiscountPct: p.batchDiscountPct,
    batchInputUsdPerMTok: p.batchInputUsdPerMTok,
    batchOutputUsdPerMTok: p.batchOutputUsdPerMTok,
    cacheWriteUsdPerMTok: p.cacheWriteUsdPerMTok,
    longContextJson: p.longContextJson,
  };
}
