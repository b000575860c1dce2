/**
 * The benchmarks page's URL state and the links built from it (filters, sort,
 * paging, CSV export). Plain functions without zod, so client components use them too.
 */
import type { BenchmarkSortKey, SortOrder } from "@/lib/schemas/api";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const filterKeys = ["device", "soc", "model", "quantization", "runtime", "backend", "status", "source"] as const;
export type FilterKey = (typeof filterKeys)[number];

export interface BenchmarksPageParams {
  device?: string;
  soc?: string;
  model?: string;
  quantization?: string;
  runtime?: string;
  backend?: string;
  status?: DataStatus;
  source?: number;
  sort?: BenchmarkSortKey;
  order: SortOrder;
  page: number;
  size: number;
}

export const BENCHMARKS_PATH = "/benchmarks";
export const BENCHMARKS_CSV_PATH = "/api/benchmarks.csv";

function filterEntries(params: Partial<BenchmarksPageParams>): [string, string][] {
  return filterKeys.flatMap((key) => {
    const value = params[key];
    return value === undefined || value === "" ? [] : [[key, String(value)] as [string, string]];
  });
}

function sortEntries(params: Partial<BenchmarksPageParams>): [string, string][] {
  return params.sort ? [["sort", params.sort], ["order", params.order ?? "asc"]] : [];
}

function withQuery(path: string, entries: [string, string][]): string {
  const query = new URLSearchParams(entries).toString();
  return query ? `${path}?${query}` : path;
}

/** The page with `params`; defaults (page 1, size 50, no sort) are left out of the URL. */
export function benchmarksHref(params: Partial<BenchmarksPageParams>): string {
  const entries = [...filterEntries(params), ...sortEntries(params)];
  if (params.page !== undefined && params.page > 1) entries.push(["page", String(params.page)]);
  if (params.size !== undefined && params.size !== PAGE_SIZES[1]) entries.push(["size", String(params.size)]);
  return withQuery(BENCHMARKS_PATH, entries);
}

/** The CSV export of exactly the runs the page's filters select, in its order. */
export function benchmarksCsvHref(params: Partial<BenchmarksPageParams>): string {
  return withQuery(BENCHMARKS_CSV_PATH, [...filterEntries(params), ...sortEntries(params)]);
}

/** The filters alone, as the queries take them. */
export function filtersOf(params: BenchmarksPageParams): Pick<BenchmarksPageParams, FilterKey> {
  const filters: Pick<BenchmarksPageParams, FilterKey> = {};
  for (const [key, value] of filterEntries(params)) {
    if (key === "source") filters.source = Number(value);
    else if (key === "status") filters.status = value as DataStatus;
    else filters[key as Exclude<FilterKey, "source" | "status">] = value;
  }
  return filters;
}

export function hasFilters(params: Partial<BenchmarksPageParams>): boolean {
  return filterEntries(params).length > 0;
}
