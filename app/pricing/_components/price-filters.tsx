"use client";

import type { FormEvent } from "react";
import { FilterForm, useFilterParams } from "@/app/_components/filter-form";
import type { PriceProvider } from "@/db/queries/price-providers";
import { PRICING_PATH, pricingPageParsers } from "../page-href";

const filterState = { provider: pricingPageParsers.provider, q: pricingPageParsers.q, page: pricingPageParsers.page };

/**
 * Provider (on change) and a model search (on submit), written to the URL through nuqs
 * (page back to 1); the server renders the new selection. Without JavaScript the form's GET does the same.
 */
export function PriceFilters({ providers }: { providers: PriceProvider[] }) {
  const { pending, state, setState } = useFilterParams(filterState);

  function go(next: Partial<{ provider: string | null; q: string | null }>) {
    void setState({ ...next, page: null });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get("q");
    go({ q: typeof q === "string" ? pricingPageParsers.q.parse(q) : null });
  }

  const known = state.provider === null || providers.some((p) => p.provider === state.provider);
  return (
    <FilterForm action={PRICING_PATH} label="Filter cloud prices" pending={pending} onSubmit={onSubmit} testId="price-filters">
      <label className="filter">
        <span>Provider</span>
        <select
          name="provider"
          value={state.provider ?? ""}
          onChange={(e) => go({ provider: e.target.value === "" ? null : e.target.value })}
          data-testid="filter-provider"
        >
          <option value="">All providers</option>
          {known ? null : <option value={state.provider ?? ""}>{state.provider} (0)</option>}
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
          defaultValue={state.q ?? ""}
          key={state.q ?? ""}
          placeholder="e.g. gpt-4.1, sonnet, flash"
          data-testid="price-search"
        />
      </label>
      <button type="submit">Search</button>
      {state.provider || state.q ? (
        <button type="button" className="link-button" onClick={() => go({ provider: null, q: null })}>
          Clear filters
        </button>
      ) : null}
    </FilterForm>
  );
}
