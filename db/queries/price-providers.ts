import { asc, countDistinct, eq } from "drizzle-orm";
import type { Database } from "../client";
import { cloudPrices } from "../schema";

export interface PriceProvider {
  provider: string;
  /** Distinct models with a list price at this provider, over every version (documents' quotes are not prices of it). */
  models: number;
}

export async function listCloudPriceProviders(db: Database): Promise<PriceProvider[]> {
  return db
    .select({ provider: cloudPrices.provider, models: countDistinct(cloudPrices.modelKey) })
    .from(cloudPrices)
    .where(eq(cloudPrices.kind, "list"))
    .groupBy(cloudPrices.provider)
    .orderBy(asc(cloudPrices.provider));
}
