/**
 * The benchmarks page's URL state, parsed with zod. A page is not an API: a value
 * that does not parse is dropped (the page shows everything rather than an error).
 */
import { z } from "zod";
import { firstSearchParamValues, type RawSearchParams } from "@/lib/http/search-params";
import { benchmarkSortKeySchema, sortOrderSchema } from "@/lib/schemas/api";
import { dataStatusSchema } from "@/lib/schemas/benchmark-file";
import { PAGE_SIZES, type BenchmarksPageParams } from "./page-href";

const text = z.string().trim().min(1).max(200).optional().catch(undefined);

const benchmarksPageParamsSchema = z.object({
  device: text,
  soc: text,
  model: text,
  quantization: text,
  runtime: text,
  backend: text,
  status: dataStatusSchema.optional().catch(undefined),
  source: z.coerce.number().int().positive().optional().catch(undefined),
  sort: benchmarkSortKeySchema.optional().catch(undefined),
  order: sortOrderSchema.default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .default(PAGE_SIZES[1])
    .catch(PAGE_SIZES[1]),
});

export function parseBenchmarksPageParams(raw: RawSearchParams): BenchmarksPageParams {
  return benchmarksPageParamsSchema.parse(firstSearchParamValues(raw));
}
