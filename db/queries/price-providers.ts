/** The providers that have cloud prices, for the pricing page's provider filter. */
import { asc, countDistinct } from "drizzle-orm";
import type { Database } from "../client";
import { cloudPrices } from "../schema";

export interface PriceProvider {
  provider: string;
  /** Distinct models priced at this provider, over every version. */
  models: number;
}

export async function listCloudPriceProviders(db: Database): Promise<PriceProvider[]> {
  return db
    .select({ provider: cloudPrices.provider, models: countDistinct(cloudPrices.modelKey) })
    .from(cloudPrices)
    .groupBy(cloudPrices.provider)
    .orderBy(asc(cloudPrices.provider));
}
