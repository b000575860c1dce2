"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type ChangeEvent } from "react";
import type { BenchmarkFacetKey, BenchmarkFacets } from "@/lib/benchmarks/facets";
import { formatCount } from "@/lib/format/numbers";
import { BENCHMARKS_PATH, benchmarksHref, hasFilters, type BenchmarksPageParams, type FilterKey } from "../page-href";

const filterLabels: Record<BenchmarkFacetKey, string> = {
  device: "Device",
  soc: "SoC",
  model: "Model",
  quantization: "Quantization",
  runtime: "Runtime",
  backend: "Backend",
  status: "Status",
  source: "Source",
};

interface BenchmarkFiltersProps {
  facets: BenchmarkFacets;
  params: BenchmarksPageParams;
}

/**
 * One select per filter, each value with the number of runs it would select.
 * With JavaScript a change navigates at once (page back to 1); without, the form's GET does the same.
 */
export function BenchmarkFilters({ facets, params }: BenchmarkFiltersProps) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  function onChange(key: FilterKey, event: ChangeEvent<HTMLSelectElement>) {
    const raw = event.target.value;
    const value = raw === "" ? undefined : key === "source" ? Number(raw) : raw;
    const next = { ...params, [key]: value, page: 1 };
    startTransition(() => router.push(benchmarksHref(next), { scroll: false }));
  }

  return (
    <form
      className="filters"
      method="get"
      action={BENCHMARKS_PATH}
      role="search"
      aria-label="Filter benchmark runs"
      aria-busy={isPending}
      data-testid="benchmark-filters"
    >
      {(Object.keys(filterLabels) as BenchmarkFacetKey[]).map((key) => {
        const current = params[key] === undefined ? "" : String(params[key]);
        const values = facets[key];
        const missing = current !== "" && !values.some((v) => v.value === current);
        return (
          <label key={key} className="filter">
            <span>{filterLabels[key]}</span>
            <select name={key} value={current} onChange={(e) => onChange(key, e)} data-testid={`filter-${key}`}>
              <option value="">All</option>
              {missing ? <option value={current}>{current} (0)</option> : null}
              {values.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label} ({formatCount(v.runs)})
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <noscript>
        <button type="submit">Apply</button>
      </noscript>
      {hasFilters(params) ? (
        <Link prefetch={false} className="filters-clear" href={benchmarksHref({ sort: params.sort, order: params.order, size: params.size })}>
          Clear filters
        </Link>
      ) : null}
      {isPending ? (
        <span className="filters-pending" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  );
}
