/**
 * Schemas of the read API, by direction: query strings in, responses out.
 * Responses are parsed on the way out too, so the contract cannot drift silently.
 */
import { z } from "zod";
import { dataStatusSchema, longContextPriceSchema, priceKindSchema, sourceKindSchema } from "./benchmark-file";

const optionalText = z.string().trim().min(1).max(200).optional();

/** The columns a run list can be sorted by; without `sort` runs come by device, variant, id. */
export const benchmarkSortKeys = [
  "device",
  "soc",
  "model",
  "quantization",
  "runtime",
  "backend",
  "status",
  "source",
  "decode",
  "prefill",
  "ttft",
  "peakMemory",
  "power",
  "measuredAt",
] as const;
export const benchmarkSortKeySchema = z.enum(benchmarkSortKeys);
export type BenchmarkSortKey = z.infer<typeof benchmarkSortKeySchema>;

export const sortOrderSchema = z.enum(["asc", "desc"]);
export type SortOrder = z.infer<typeof sortOrderSchema>;

/** What narrows a set of runs: shared by the run list, its facets, charts and CSV export. */
export const benchmarkFilterShape = {
  device: optionalText,
  soc: optionalText,
  model: optionalText,
  variant: optionalText,
  quantization: optionalText,
  runtime: optionalText,
  backend: optionalText,
  status: dataStatusSchema.optional(),
  source: z.coerce.number().int().positive().optional(),
  uploadId: z.coerce.number().int().positive().optional(),
};
export const benchmarkFiltersSchema = z.strictObject(benchmarkFilterShape);
export type BenchmarkFilters = z.infer<typeof benchmarkFiltersSchema>;

export const getBenchmarksQuerySchema = z.strictObject({
  ...benchmarkFilterShape,
  sort: benchmarkSortKeySchema.optional(),
  order: sortOrderSchema.default("asc"),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
});
export type GetBenchmarksQuery = z.infer<typeof getBenchmarksQuerySchema>;

/** `GET /api/benchmarks.csv`: every run the filters select (no paging), in the order asked. */
export const getBenchmarksCsvQuerySchema = z.strictObject({
  ...benchmarkFilterShape,
  sort: benchmarkSortKeySchema.optional(),
  order: sortOrderSchema.default("asc"),
});
export type GetBenchmarksCsvQuery = z.infer<typeof getBenchmarksCsvQuerySchema>;

const nullableNumber = z.number().finite().nullable();

export const sourceRefSchema = z.object({
  id: z.number().int(),
  kind: sourceKindSchema,
  title: z.string(),
  url: z.string().nullable(),
});

export const benchmarkRunResponseSchema = z.object({
  id: z.number().int(),
  status: dataStatusSchema,
  source: sourceRefSchema,
  device: z.object({ id: z.string(), name: z.string(), soc: z.string().nullable() }),
  variant: z.object({
    id: z.string(),
    modelId: z.string(),
    modelName: z.string(),
    quantization: z.string(),
    sizeGB: nullableNumber,
    paramsB: nullableNumber,
  }),
  runtime: z.string(),
  backend: z.string().nullable(),
  metrics: z.object({
    decodeTokensPerSec: nullableNumber,
    prefillTokensPerSec: nullableNumber,
    ttftMs: nullableNumber,
    promptTokens: z.number().int().nullable(),
    generatedTokens: z.number().int().nullable(),
    peakMemoryMB: nullableNumber,
    weightsMB: nullableNumber,
    powerW: nullableNumber,
    batteryDrainPctPer30Min: nullableNumber,
    throttlePct: nullableNumber,
    throttleAfterMin: nullableNumber,
    coldStartSec: nullableNumber,
    repetitions: z.number().int().nullable(),
    decodeStddevTokensPerSec: nullableNumber,
    prefillStddevTokensPerSec: nullableNumber,
  }),
  measuredAt: z.string().nullable(),
  notes: z.string().nullable(),
});
export type BenchmarkRunResponse = z.infer<typeof benchmarkRunResponseSchema>;

/** A plausibility check's verdict: ok null when its inputs are unknown (not checked). */
export const runFindingSchema = z.object({ check: z.string(), ok: z.boolean().nullable(), reason: z.string() });

/** A check of a document's claim (cost total, model fact) or of one model's scores across sources. */
export const datasetFindingSchema = z.object({
  check: z.string(),
  ok: z.boolean(),
  reason: z.string(),
  /** The document whose claim is checked; null for a comparison across sources. */
  sourceId: z.number().int().nullable(),
  sourceTitle: z.string().nullable(),
  /** The dataset models the finding is about (a run of any of them carries it when it fails). */
  modelIds: z.array(z.string()),
  /** The claim in the document's words, where there is one. */
  quote: z.string().nullable(),
});
export type DatasetFinding = z.infer<typeof datasetFindingSchema>;

export const getBenchmarksResponseSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Each run with its plausibility findings: its own checks, then the failing ones about its model. */
  runs: z.array(benchmarkRunResponseSchema.extend({ findings: z.array(runFindingSchema) })),
  /** Every check of the dataset's document claims and cross-source scores, failing first. */
  findings: z.array(datasetFindingSchema),
});
export type GetBenchmarksResponse = z.infer<typeof getBenchmarksResponseSchema>;

const factSchema = z.object({
  value: nullableNumber,
  status: dataStatusSchema.nullable(),
  source: z.string().nullable(),
});

export const deviceResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  soc: z.string().nullable(),
  os: z.string().nullable(),
  ramGB: factSchema,
  memoryBandwidthGBps: factSchema,
  batteryWh: factSchema,
  source: sourceRefSchema,
  runCount: z.number().int(),
});
export type DeviceResponse = z.infer<typeof deviceResponseSchema>;

export const getDevicesResponseSchema = z.object({ devices: z.array(deviceResponseSchema) });

export const getPricesQuerySchema = z.strictObject({
  provider: optionalText,
  history: z.enum(["0", "1"]).default("0"),
});

/** Where one figure of a price came from when it is not the price row's own source. */
export const figureSourceSchema = z.object({
  status: dataStatusSchema,
  source: sourceRefSchema,
  measuredAt: z.string().nullable(),
});
export type FigureSource = z.infer<typeof figureSourceSchema>;

export const priceResponseSchema = z.object({
  id: z.number().int(),
  /** `${provider}/${modelKey}`: what a scenario names as its cloud price. */
  key: z.string(),
  provider: z.string(),
  modelKey: z.string(),
  name: z.string(),
  inputUsdPerMTok: nullableNumber,
  outputUsdPerMTok: z.number().finite(),
  cachedInputUsdPerMTok: nullableNumber,
  batchDiscountPct: nullableNumber,
  batchInputUsdPerMTok: nullableNumber,
  batchOutputUsdPerMTok: nullableNumber,
  cacheWriteUsdPerMTok: nullableNumber,
  longContext: z.array(longContextPriceSchema),
  /**
   * The earlier version of the same price whose batch, cache-write and long-context prices this
   * one shows because its own source lists none (db/queries/prices.ts); null when they are its own.
   */
  tiersFrom: z.object({ effectiveDate: z.string(), source: sourceRefSchema }).nullable(),
  ttftMs: nullableNumber,
  tokensPerSec: nullableNumber,
  contextLength: z.number().int().nullable(),
  quality: z.record(z.string(), z.number()),
  /** list: a version of the provider's price; quote: what a document claims it is (never current). */
  kind: priceKindSchema,
  effectiveDate: z.string(),
  effectiveDateBasis: z.enum(["took-effect", "in-force-on"]),
  effectiveUntil: z.string().nullable(),
  status: dataStatusSchema,
  current: z.boolean(),
  source: sourceRefSchema,
  /**
   * Sources of the figures a cloud fact (not the price row) supplied: ttftMs,
   * tokensPerSec and each quality metric. A figure absent here is the row's own.
   */
  figureSources: z
    .object({
      ttftMs: figureSourceSchema.optional(),
      tokensPerSec: figureSourceSchema.optional(),
      quality: z.record(z.string(), figureSourceSchema),
    })
    .optional(),
});
export type PriceResponse = z.infer<typeof priceResponseSchema>;

export const getPricesResponseSchema = z.object({ prices: z.array(priceResponseSchema) });

export const healthResponseSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["up", "down"]),
  counts: z
    .object({ devices: z.number().int(), runs: z.number().int(), prices: z.number().int() })
    .optional(),
  error: z.string().optional(),
});
