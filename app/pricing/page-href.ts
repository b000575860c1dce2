/**
 * The pricing page's URL state: nuqs parsers shared by the server's loader, the filters'
 * `useQueryStates` and the links. No zod, so client components use it too.
 */
import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { parseAsBoundedInteger, parseAsMatching, parseAsSortOrder, parseAsTrimmedText } from "@/lib/http/search-params";
import { priceSortKeys, type PriceSortKey } from "@/lib/pricing/price-list";

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

/** In the order they appear in links. */
export const pricingPageParsers = {
  provider: parseAsTrimmedText(),
  q: parseAsTrimmedText(),
  // Sort and order are written together whenever either differs from provider A→Z (`sort=input&order=asc`).
  sort: parseAsStringLiteral(priceSortKeys).withDefault(defaultPriceSort.sort).withOptions({ clearOnDefault: false }),
  order: parseAsSortOrder.withDefault(defaultPriceSort.order).withOptions({ clearOnDefault: false }),
  page: parseAsBoundedInteger(1, 100_000).withDefault(1),
  metric: parseAsMatching(/^[a-z0-9_-]{1,40}$/),
};

const loadParsed = createLoader(pricingPageParsers);

/** The page's `searchParams` read by the parsers; values that do not parse are dropped. */
export function loadPricingPageParams(raw: Record<string, string | string[] | undefined>): PricingPageParams {
  const { provider, q, metric, ...rest } = loadParsed(raw);
  return { ...rest, ...(provider ? { provider } : {}), ...(q ? { q } : {}), ...(metric ? { metric } : {}) };
}

const serialize = createSerializer(pricingPageParsers);

/** The page with `params`; defaults (provider A→Z, page 1) stay out of the URL. */
export function pricingHref(params: Partial<PricingPageParams>): string {
  const sort = params.sort ?? defaultPriceSort.sort;
  const order = params.order ?? defaultPriceSort.order;
  const defaultSort = sort === defaultPriceSort.sort && order === defaultPriceSort.order;
  return (
    PRICING_PATH +
    serialize({
      provider: params.provider ?? null,
      q: params.q ?? null,
      sort: defaultSort ? null : sort,
      order: defaultSort ? null : order,
      page: params.page ?? null,
      metric: params.metric ?? null,
    })
  );
}
