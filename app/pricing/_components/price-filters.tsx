"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import type { PriceProvider } from "@/db/queries/price-providers";
import { PRICING_PATH, pricingHref, type PricingPageParams } from "../page-href";

interface PriceFiltersProps {
  providers: PriceProvider[];
  params: PricingPageParams;
}

/** Provider (navigates on change) and a model search (on submit); both live in the URL. */
export function PriceFilters({ providers, params }: PriceFiltersProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function go(next: Partial<PricingPageParams>) {
    startTransition(() => router.push(pricingHref({ ...params, ...next, page: 1 }), { scroll: false }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get("q");
    go({ q: typeof q === "string" && q.trim() !== "" ? q.trim() : undefined });
  }

  const known = params.provider === undefined || providers.some((p) => p.provider === params.provider);
  return (
    <form
      className="filters"
      method="get"
      action={PRICING_PATH}
      role="search"
      aria-label="Filter cloud prices"
      aria-busy={isPending}
      onSubmit={onSubmit}
      data-testid="price-filters"
    >
      <label className="filter">
        <span>Provider</span>
        <select
          name="provider"
          value={params.provider ?? ""}
          onChange={(e) => go({ provider: e.target.value || undefined })}
          data-testid="filter-provider"
        >
          <option value="">All providers</option>
          {known ? null : <option value={params.provider}>{params.provider} (0)</option>}
          {providers.map((p) => (
            <option key={p.provider} value={p.provider}>
              {p.provider} ({p.models})
            </option>
          ))}
        </select>
      </label>
      <label className="filter filter-wide">
        <span>Model</span>
        <input
          type="search"
          name="q"
          defaultValue={params.q ?? ""}
          key={params.q ?? ""}
          placeholder="e.g. gpt-4.1, sonnet, flash"
          data-testid="price-search"
        />
      </label>
      <button type="submit">Search</button>
      {params.provider || params.q ? (
        <button type="button" className="link-button" onClick={() => go({ provider: undefined, q: undefined })}>
          Clear filters
        </button>
      ) : null}
      {isPending ? (
        <span className="filters-pending" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  );
}
