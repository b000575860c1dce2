/** The pricing page's URL state parsed with zod; values that do not parse are dropped. */
import { z } from "zod";
import { firstSearchParamValues, type RawSearchParams } from "@/lib/http/search-params";
import { priceSortKeys } from "@/lib/pricing/price-list";
import { defaultPriceSort, type PricingPageParams } from "./page-href";

const text = z.string().trim().min(1).max(200).optional().catch(undefined);

const pricingPageParamsSchema = z.object({
  provider: text,
  q: text,
  sort: z.enum(priceSortKeys).default(defaultPriceSort.sort).catch(defaultPriceSort.sort),
  order: z.enum(["asc", "desc"]).default(defaultPriceSort.order).catch(defaultPriceSort.order),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  metric: z.string().regex(/^[a-z0-9_-]{1,40}$/).optional().catch(undefined),
});

export function parsePricingPageParams(raw: RawSearchParams): PricingPageParams {
  return pricingPageParamsSchema.parse(firstSearchParamValues(raw));
}
