/**
 * Cloud facts (quality scores, first-token time, output speed from a source
 * other than the pricing feed) laid over the price rows that lack them.
 */
import { desc, eq } from "drizzle-orm";
import type { FigureSource, PriceResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { cloudFacts, sources } from "../schema";

export interface CloudFactFigures {
  ttftMs?: { value: number; from: FigureSource };
  tokensPerSec?: { value: number; from: FigureSource };
  quality: Record<string, { value: number; from: FigureSource }>;
}

/** Per price key, the newest fact's figure for each field (by measuredAt, then load order). */
export async function listCloudFactFigures(db: Database): Promise<Map<string, CloudFactFigures>> {
  const rows = await db
    .select({ fact: cloudFacts, source: { id: sources.id, kind: sources.kind, title: sources.title, url: sources.url } })
    .from(cloudFacts)
    .innerJoin(sources, eq(sources.id, cloudFacts.sourceId))
    .orderBy(desc(cloudFacts.measuredAt), desc(cloudFacts.id));
  const byKey = new Map<string, CloudFactFigures>();
  for (const { fact, source } of rows) {
    const key = `${fact.provider}/${fact.modelKey}`;
    const figures = byKey.get(key) ?? { quality: {} };
    const from: FigureSource = { status: fact.status, source, measuredAt: fact.measuredAt };
    if (figures.ttftMs === undefined && fact.ttftMs !== null) figures.ttftMs = { value: fact.ttftMs, from };
    if (figures.tokensPerSec === undefined && fact.tokensPerSec !== null) {
      figures.tokensPerSec = { value: fact.tokensPerSec, from };
    }
    const quality = fact.qualityJson ? (JSON.parse(fact.qualityJson) as Record<string, number>) : {};
    for (const [metric, score] of Object.entries(quality)) {
      if (figures.quality[metric] === undefined) figures.quality[metric] = { value: score, from };
    }
    byKey.set(key, figures);
  }
  return byKey;
}

/** The price with the facts' figures filled in where its own row has none; its own figures win. */
export function withCloudFacts(price: PriceResponse, figures: CloudFactFigures | undefined): PriceResponse {
  if (!figures) return price;
  const figureSources: NonNullable<PriceResponse["figureSources"]> = { quality: {} };
  let ttftMs = price.ttftMs;
  let tokensPerSec = price.tokensPerSec;
  if (ttftMs === null && figures.ttftMs) {
    ttftMs = figures.ttftMs.value;
    figureSources.ttftMs = figures.ttftMs.from;
  }
  if (tokensPerSec === null && figures.tokensPerSec) {
    tokensPerSec = figures.tokensPerSec.value;
    figureSources.tokensPerSec = figures.tokensPerSec.from;
  }
  const quality = { ...price.quality };
  for (const [metric, f] of Object.entries(figures.quality)) {
    if (quality[metric] !== undefined) continue;
    quality[metric] = f.value;
    figureSources.quality[metric] = f.from;
  }
  return { ...price, ttftMs, tokensPerSec, quality, figureSources };
}
