"use client";

import Link from "next/link";
import { FilterForm, useFilterParams } from "@/app/_components/filter-form";
import type { BenchmarkFacetKey, BenchmarkFacets } from "@/lib/benchmarks/facets";
import { formatCount } from "@/lib/format/numbers";
import {
  BENCHMARKS_PATH,
  benchmarkFilterParsers,
  benchmarkPageParsers,
  benchmarksHref,
  hasFilters,
  type BenchmarksPageParams,
  type FilterKey,
} from "../page-href";

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

const filterState = { ...benchmarkFilterParsers, page: benchmarkPageParsers.page };

interface BenchmarkFiltersProps {
  facets: BenchmarkFacets;
  params: BenchmarksPageParams;
}

/**
 * One select per filter, each value with the number of runs it would select.
 * With JavaScript a change rewrites the URL through nuqs (page back to 1) and the server
 * renders the new selection; without, the form's GET does the same.
 */
export function BenchmarkFilters({ facets, params }: BenchmarkFiltersProps) {
  const { pending, state, setState } = useFilterParams(filterState);

  function onChange(key: FilterKey, raw: string) {
    const parsed = raw === "" ? null : benchmarkFilterParsers[key].parse(raw);
    void setState({ [key]: parsed, page: null });
  }

  return (
    <FilterForm action={BENCHMARKS_PATH} label="Filter benchmark runs" pending={pending} testId="benchmark-filters">
      {(Object.keys(filterLabels) as BenchmarkFacetKey[]).map((key) => {
        const current = state[key] === null ? "" : String(state[key]);
        const values = facets[key];
        const missing = current !== "" && !values.some((v) => v.value === current);
        return (
          <label key={key} className="filter">
            <span>{filterLabels[key]}</span>
            <select name={key} value={current} onChange={(e) => onChange(key, e.target.value)} data-testid={`filter-${key}`}>
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
    </FilterForm>
  );
}
