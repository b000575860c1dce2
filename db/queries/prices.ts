import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { PriceResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { cloudPrices, sources } from "../schema";
import { listCloudFactFigures, withCloudFacts } from "./cloud-facts";

export interface ListPricesParams {
  provider?: string;
  /** Every version, not only the one in force. */
  history?: boolean;
  /** The day whose prices are "current" (ISO date); default today. */
  asOf?: string;
}

/**
 * The current price of a model at a provider is its newest version that took
 * effect on or before `asOf` and names an input price (a quote without one is history only).
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

  const currentIds = new Set<number>();
  const seen = new Set<string>();
  for (const { price } of rows) {
    const key = `${price.provider}/${price.modelKey}`;
    if (seen.has(key) || price.inputUsdPerMTok === null || price.effectiveDate > asOf) continue;
    seen.add(key);
    currentIds.add(price.id);
  }

  const facts = await listCloudFactFigures(db);
  return rows
    .filter(({ price }) => params.history || currentIds.has(price.id))
    .map(({ price: p, source }) => withCloudFacts({
      id: p.id,
      key: `${p.provider}/${p.modelKey}`,
      provider: p.provider,
      modelKey: p.modelKey,
      name: p.name,
      inputUsdPerMTok: p.inputUsdPerMTok,
      outputUsdPerMTok: p.outputUsdPerMTok,
      cachedInputUsdPerMTok: p.cachedInputUsdPerMTok,
      batchDiscountPct: p.batchDiscountPct,
      ttftMs: p.ttftMs,
      tokensPerSec: p.tokensPerSec,
      contextLength: p.contextLength,
      quality: p.qualityJson ? (JSON.parse(p.qualityJson) as Record<string, number>) : {},
      effectiveDate: p.effectiveDate,
      status: p.status,
      current: currentIds.has(p.id),
      source,
    }, facts.get(`${p.provider}/${p.modelKey}`)));
}

