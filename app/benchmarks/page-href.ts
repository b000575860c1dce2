/**
 * The benchmarks page's URL state: nuqs parsers shared by the server's loader, the
 * filters' `useQueryStates` and the links (filters, sort, paging, CSV export). No zod,
 * so client components use it too.
 */
import { createLoader, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { parseAsBoundedInteger, parseAsIntegerLiteral, parseAsSortOrder, parseAsTrimmedText } from "@/lib/http/search-params";
import type { BenchmarkSortKey } from "@/lib/schemas/api";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export const PAGE_SIZES = [25, 50, 100] as const;

// lib/schemas/api.ts's sort keys and the data statuses restated without zod; a Record names every key once.
const sortKeyRecord: Record<BenchmarkSortKey, true> = {
  device: true, soc: true, model: true, quantization: true, runtime: true, backend: true, status: true, source: true,
  decode: true, prefill: true, ttft: true, peakMemory: true, power: true, measuredAt: true,
};
const statusRecord: Record<DataStatus, true> = { measured: true, claimed: true, estimated: true };
const sortKeys = Object.keys(sortKeyRecord) as BenchmarkSortKey[];
const dataStatuses = Object.keys(statusRecord) as DataStatus[];

/** The filters, in the order they appear in links. */
export const benchmarkFilterParsers = {
  device: parseAsTrimmedText(),
  soc: parseAsTrimmedText(),
  model: parseAsTrimmedText(),
  quantization: parseAsTrimmedText(),
  runtime: parseAsTrimmedText(),
  backend: parseAsTrimmedText(),
  status: parseAsStringLiteral(dataStatuses),
  source: parseAsBoundedInteger(1, Number.MAX_SAFE_INTEGER),
};
export const filterKeys = Object.keys(benchmarkFilterParsers) as FilterKey[];
export type FilterKey = keyof typeof benchmarkFilterParsers;

export const benchmarkPageParsers = {
  ...benchmarkFilterParsers,
  sort: parseAsStringLiteral(sortKeys),
  // Written whenever a sort is (`sort=decode&order=asc`): links and tests name both.
  order: parseAsSortOrder.withDefault("asc").withOptions({ clearOnDefault: false }),
  page: parseAsBoundedInteger(1, 1_000_000).withDefault(1),
  // 25 by default: the rows are most of what the page renders and writes (each row twice,
  // as HTML and in the page's React payload); 50 and 100 are a link away.
  size: parseAsIntegerLiteral(PAGE_SIZES).withDefault(PAGE_SIZES[0]),
};

type Parsed = inferParserType<typeof benchmarkPageParsers>;
/** Parsed state; absent filters and sort are `undefined`, as the queries take them. */
export type BenchmarksPageParams = { [K in FilterKey | "sort"]?: NonNullable<Parsed[K]> } & Pick<Parsed, "order" | "page" | "size">;

const loadParsed = createLoader(benchmarkPageParsers);

/** The page's `searchParams` read by the parsers: what does not parse is dropped (the page shows everything rather than an error). */
export function loadBenchmarksPageParams(raw: Record<string, string | string[] | undefined>): BenchmarksPageParams {
  const parsed = loadParsed(raw);
  const params: BenchmarksPageParams = { order: parsed.order, page: parsed.page, size: parsed.size };
  for (const key of [...filterKeys, "sort"] as const) {
    const value = parsed[key];
    if (value !== null) Object.assign(params, { [key]: value });
  }
  return params;
}

export const BENCHMARKS_PATH = "/benchmarks";
export const BENCHMARKS_CSV_PATH = "/api/benchmarks.csv";

const serialize = createSerializer(benchmarkPageParsers);

function query(params: Partial<BenchmarksPageParams>, paging: boolean): string {
  const values: Partial<{ [K in keyof Parsed]: Parsed[K] | null }> = {};
  for (const key of filterKeys) Object.assign(values, { [key]: params[key] ?? null });
  values.sort = params.sort ?? null;
  values.order = params.sort ? (params.order ?? "asc") : null;
  if (paging) {
    values.page = params.page ?? null;
    values.size = params.size ?? null;
  }
  return serialize(values);
}

/** The page with `params`; defaults (page 1, size 25, no sort) are left out of the URL. */
export function benchmarksHref(params: Partial<BenchmarksPageParams>): string {
  return BENCHMARKS_PATH + query(params, true);
}

/** The CSV export of exactly the runs the page's filters select, in its order. */
export function benchmarksCsvHref(params: Partial<BenchmarksPageParams>): string {
  return BENCHMARKS_CSV_PATH + query(params, false);
}

/** The filters alone, as the queries take them. */
export function filtersOf(params: BenchmarksPageParams): Pick<BenchmarksPageParams, FilterKey> {
  const filters: Pick<BenchmarksPageParams, FilterKey> = {};
  for (const key of filterKeys) if (params[key] !== undefined) Object.assign(filters, { [key]: params[key] });
  return filters;
}

export function hasFilters(params: Partial<BenchmarksPageParams>): boolean {
  return filterKeys.some((key) => params[key] !== undefined);
}
