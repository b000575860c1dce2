/** The pricing page's URL state and the links built from it; no zod, so client components use it too. */
import type { PriceSortKey } from "@/lib/pricing/price-list";

export const PRICES_PER_PAGE = 100;
export const PRICING_PATH = "/pricing";

export interface PricingPageParams {
  provider?: string;
  q?: string;
  sort: PriceSortKey;
  order: "asc" | "desc";
  page: number;
  metric?: string;
}

export const defaultPriceSort: Pick<PricingPageParams, "sort" | "order"> = { sort: "provider", order: "asc" };

/** The page with `params`; defaults (provider A→Z, page 1) stay out of the URL. */
export function pricingHref(params: Partial<PricingPageParams>): string {
  const entries: [string, string][] = [];
  if (params.provider) entries.push(["provider", params.provider]);
  if (params.q) entries.push(["q", params.q]);
  const sort = params.sort ?? defaultPriceSort.sort;
  const order = params.order ?? defaultPriceSort.order;
  if (sort !== defaultPriceSort.sort || order !== defaultPriceSort.order) entries.push(["sort", sort], ["order", order]);
  if (params.page !== undefined && params.page > 1) entries.push(["page", String(params.page)]);
  if (params.metric) entries.push(["metric", params.metric]);
  const query = new URLSearchParams(entries).toString();
  return query ? `${PRICING_PATH}?${query}` : PRICING_PATH;
}
