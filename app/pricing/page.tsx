import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/client";
import { listCloudPriceProviders } from "@/db/queries/price-providers";
import { listCloudPrices } from "@/db/queries/prices";
import { buildPriceQuality } from "@/lib/charts/price-quality";
import { formatCount } from "@/lib/format/numbers";
import { groupPriceVersions } from "@/lib/pricing/price-history";
import { searchPricedModels, sortPricedModels } from "@/lib/pricing/price-list";
import { groupPriceQuotes, searchQuotes } from "@/lib/pricing/price-quotes";
import { PriceFilters } from "./_components/price-filters";
import { PriceQuotes } from "./_components/price-quotes";
import { PriceQualitySection } from "./_components/price-quality-section";
import { PriceTable } from "./_components/price-table";
import { loadPricingPageParams, PRICES_PER_PAGE, pricingHref } from "./page-href";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Cloud prices · Edge vs cloud LLM cost planner" };

export default async function PricingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = loadPricingPageParams(await searchParams);
  const db = getDatabase();
  const [versions, providers] = await Promise.all([
    listCloudPrices(db, { provider: params.provider, history: true }),
    listCloudPriceProviders(db),
  ]);
  const models = sortPricedModels(searchPricedModels(groupPriceVersions(versions), params.q), params.sort, params.order);
  const pages = Math.max(1, Math.ceil(models.length / PRICES_PER_PAGE));
  const page = Math.min(params.page, pages);
  const shown = models.slice((page - 1) * PRICES_PER_PAGE, page * PRICES_PER_PAGE);
  const quality = buildPriceQuality(models, params.metric ?? null);
  const quotes = searchQuotes(groupPriceQuotes(versions), params.q);

  return (
    <>
      <h1>Cloud prices</h1>
      <p className="lede">
        What cloud LLM APIs charge, in USD per 1M tokens: input, cached input and output, from the date each price took
        effect. Prices change: every version is kept, the one in force is shown with the others folded below it. Prices
        that articles quote are listed apart, below, as claims of their article.
      </p>

      <PriceFilters providers={providers} />

      <p className="count" aria-live="polite">
        <b data-testid="price-count">{formatCount(models.length)}</b> {models.length === 1 ? "model" : "models"}
        {params.provider ? ` at ${params.provider}` : ""}
        {params.q ? ` matching “${params.q}”` : ""}
        {pages > 1 ? (
          <span className="muted">
            {" "}
            · page {page} of {pages}
          </span>
        ) : null}
      </p>

      {shown.length > 0 ? (
        <>
          <PriceTable models={shown} params={{ ...params, page }} />
          {pages > 1 ? (
            <nav className="pagination" aria-label="Pages of prices">
              {page > 1 ? <Link prefetch={false} href={pricingHref({ ...params, page: page - 1 })}>← Previous</Link> : <span className="disabled">← Previous</span>}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? <Link prefetch={false} href={pricingHref({ ...params, page: page + 1 })}>Next →</Link> : <span className="disabled">Next →</span>}
            </nav>
          ) : null}
        </>
      ) : (
        <p className="empty" data-testid="prices-empty">
          No prices match these filters. <Link prefetch={false} href={pricingHref({})}>Show every provider</Link>.
        </p>
      )}

      <PriceQualitySection data={quality} params={params} models={models.length} />

      <PriceQuotes groups={quotes} />
    </>
  );
}
