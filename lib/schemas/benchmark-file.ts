/**
 * The native benchmark format: one versioned JSON document holding devices,
 * models, variants, runs and cloud prices, every figure with its status.
 * Seed files, uploads and importers all produce this shape, and the seeder and
 * the upload route both validate it with this one schema.
 */
import { z } from "zod";
import { DEVICE_KINDS, dataStatusSchema } from "./data-status";

export const NATIVE_FORMAT = "edge-llm-benchmarks";
export const NATIVE_VERSION = 1;

export { dataStatusSchema, type DataStatus, DEVICE_KINDS, type DeviceKind } from "./data-status";

export const sourceKindSchema = z.enum(["seed", "upload", "feed", "research"]);
export type SourceKind = z.infer<typeof sourceKindSchema>;

/** Ids are slugs so that files can refer to each other and URLs stay readable. */
export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "must be a lowercase slug (a-z, 0-9, '.', '_', '-')");

/** Plain text shown to people: no control characters, bounded length. */
const textSchema = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

// Physical bounds, the same as the scenario schema's (lib/schemas/scenario.ts): an uploaded figure
// reaches the engine and the charts, so 1e-300 Wh or 1e300 W must be refused at the door.
const positive = (max: number) => z.number().finite().positive().max(max);
const nonNegative = (max: number) => z.number().finite().nonnegative().max(max);
/** Quantities the engine divides by: a floor keeps every quotient finite. */
const atLeast = (min: number, max: number) => z.number().finite().min(min).max(max);
const usdPerMTok = nonNegative(1_000_000);
const tokensPerSec = atLeast(0.001, 100_000);
const ms = nonNegative(600_000);
/** Links shown to people: http(s) only, never javascript: or data:. */
export const httpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

export const sourceSchema = z.strictObject({
  kind: sourceKindSchema,
  title: textSchema(300),
  url: httpUrlSchema.optional(),
  publishedAt: isoDate.optional(),
  notes: textSchema(2000).optional(),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** Where a single device fact came from, when it is not the file's own source. */
export const factNoteSchema = z.strictObject({
  status: dataStatusSchema,
  source: textSchema(500),
});


export const deviceSchema = z.strictObject({
  id: slugSchema,
  name: textSchema(),
  kind: z.enum(DEVICE_KINDS).default("phone"),
  soc: textSchema().optional(),
  os: textSchema(60).optional(),
  ramGB: positive(4096).optional(),
  memoryBandwidthGBps: atLeast(0.001, 100_000).optional(),
  /** null: the device has no battery (a board on mains power). */
  batteryWh: atLeast(0.001, 10_000).nullable().optional(),
  facts: z
    .strictObject({
      ramGB: factNoteSchema.optional(),
      memoryBandwidthGBps: factNoteSchema.optional(),
      batteryWh: factNoteSchema.optional(),
    })
    .optional(),
});
export type DeviceInput = z.infer<typeof deviceSchema>;

export const modelSchema = z.strictObject({
  id: slugSchema,
  name: textSchema(),
  family: textSchema(60).optional(),
  paramsB: positive(100_000).optional(),
  /** Parameters read per token for mixture-of-experts models. */
  activeParamsB: positive(100_000).optional(),
  architecture: z.enum(["dense", "moe"]).optional(),
  contextLength: z.number().int().positive().max(100_000_000).optional(),
});
export type ModelInput = z.infer<typeof modelSchema>;

export const variantSchema = z.strictObject({
  id: slugSchema,
  modelId: slugSchema,
  quantization: textSchema(40),
  sizeGB: atLeast(0.001, 10_000).optional(),
  status: dataStatusSchema.default("claimed"),
});
export type VariantInput = z.infer<typeof variantSchema>;

/** A quality score of a model (or of one variant of it) on a named metric, in percent. */
export const qualityScoreSchema = z.strictObject({
  modelId: slugSchema,
  variantId: slugSchema.optional(),
  metric: z.string().regex(/^[a-z0-9_-]+$/).max(40),
  score: z.number().min(0).max(100),
  status: dataStatusSchema.default("claimed"),
});
export type QualityScoreInput = z.infer<typeof qualityScoreSchema>;

export const runSchema = z.strictObject({
  deviceId: slugSchema,
  variantId: slugSchema,
  runtime: textSchema(40),
  backend: textSchema(40).optional(),
  status: dataStatusSchema,
  decodeTokensPerSec: tokensPerSec.optional(),
  prefillTokensPerSec: atLeast(0.001, 10_000_000).optional(),
  ttftMs: ms.optional(),
  promptTokens: z.number().int().nonnegative().max(10_000_000).optional(),
  generatedTokens: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Tokens already in the context when the speeds were measured (llama-bench `-d`); 0 or absent: an empty context. */
  contextDepthTokens: z.number().int().nonnegative().max(10_000_000).optional(),
  peakMemoryMB: positive(10_000_000).optional(),
  weightsMB: positive(10_000_000).optional(),
  powerW: positive(1_000).optional(),
  batteryDrainPctPer30Min: z.number().finite().positive().max(100).optional(),
  throttlePct: z.number().finite().min(0).max(100).optional(),
  throttleAfterMin: positive(100_000).optional(),
  coldStartSec: nonNegative(100_000).optional(),
  repetitions: z.number().int().positive().max(1_000_000).optional(),
  decodeStddevTokensPerSec: nonNegative(100_000).optional(),
  prefillStddevTokensPerSec: nonNegative(10_000_000).optional(),
  measuredAt: isoDate.optional(),
  notes: textSchema(1000).optional(),
});
export type RunInput = z.infer<typeof runSchema>;

/**
 * list: the provider's own price from a price list or feed, dated when it took effect (or the day
 * the list was read, see effectiveDateBasis): a version of the provider's price history.
 * quote: a price a document (an article) quotes, dated by the document at best: a claim of that
 * source, never a version of the provider's history and never the current price.
 */
export const priceKindSchema = z.enum(["list", "quote"]);
export type PriceKind = z.infer<typeof priceKindSchema>;

/** From this many prompt tokens on, the whole request is billed at these prices (LiteLLM's *_above_200k_tokens). */
export const longContextPriceSchema = z.strictObject({
  aboveInputTokens: z.number().int().positive().max(100_000_000),
  inputUsdPerMTok: usdPerMTok,
  outputUsdPerMTok: usdPerMTok.optional(),
  cachedInputUsdPerMTok: usdPerMTok.optional(),
});
export type LongContextPriceInput = z.infer<typeof longContextPriceSchema>;

export const priceSchema = z.strictObject({
  kind: priceKindSchema.default("list"),
  provider: textSchema(60),
  /** Stable key of the model at this provider, e.g. "gpt-4.1". */
  modelKey: z.string().min(1).max(160),
  name: textSchema(),
  /** Articles often quote only the output price; such a row is history, not plannable. */
  inputUsdPerMTok: usdPerMTok.optional(),
  outputUsdPerMTok: usdPerMTok,
  cachedInputUsdPerMTok: usdPerMTok.optional(),
  batchDiscountPct: z.number().min(0).max(100).optional(),
  /** Batch API prices (asynchronous, within 24 h). */
  batchInputUsdPerMTok: usdPerMTok.optional(),
  batchOutputUsdPerMTok: usdPerMTok.optional(),
  /** Writing a prompt prefix into the cache (Anthropic bills it above the input price). */
  cacheWriteUsdPerMTok: usdPerMTok.optional(),
  /** Long-context tiers, lowest threshold first. */
  longContext: z.array(longContextPriceSchema).max(8).optional(),
  ttftMs: ms.optional(),
  tokensPerSec: atLeast(0.001, 1_000_000).optional(),
  contextLength: z.number().int().positive().max(100_000_000).optional(),
  quality: z.record(z.string(), z.number().min(0).max(100)).optional(),
  effectiveDate: z.iso.date(),
  /**
   * took-effect: the price took effect on effectiveDate. in-force-on: the source gives no start,
   * only that the price was in force on effectiveDate (it may have started earlier).
   */
  effectiveDateBasis: z.enum(["took-effect", "in-force-on"]).default("took-effect"),
  /** The day a later price replaced this one (exclusive), when the source says. */
  effectiveUntil: z.iso.date().optional(),
  status: dataStatusSchema.default("claimed"),
});
export type PriceInput = z.infer<typeof priceSchema>;

const metricName = z.string().regex(/^[a-z0-9_-]+$/).max(40);

/**
 * What a source says of a cloud model that a pricing feed does not carry: its
 * quality scores and its serving speed. It names the prices it describes by
 * their key (`${provider}/${modelKey}`, as GET /api/prices lists them) and stays
 * a claim of its own source: the price rows are not rewritten.
 */
export const cloudFactSchema = z
  .strictObject({
    price: z.string().min(3).max(220).regex(/^[^/\s]+\/\S+$/, "must be a price key: provider/modelKey"),
    ttftMs: ms.optional(),
    tokensPerSec: tokensPerSec.optional(),
    quality: z.record(metricName, z.number().min(0).max(100)).optional(),
    status: dataStatusSchema.default("claimed"),
    measuredAt: isoDate.optional(),
    notes: textSchema(1000).optional(),
  })
  .refine((f) => f.ttftMs !== undefined || f.tokensPerSec !== undefined || Object.keys(f.quality ?? {}).length > 0, {
    message: "a cloud fact needs ttftMs, tokensPerSec or a quality score",
  });
export type CloudFactInput = z.infer<typeof cloudFactSchema>;

/**
 * A cost figure a document states with the quantities it comes from, so that the
 * total can be checked against its own price: statedUsd should be
 * tokens ÷ 1e6 × usdPerMTok × periods.
 */
export const costClaimSchema = z.strictObject({
  label: textSchema(200),
  /** Tokens per period (e.g. a month) the document prices. */
  tokens: positive(1e15),
  usdPerMTok,
  /** Periods the stated total covers (36 for a 3-year table of monthly volumes). */
  periods: positive(10_000).default(1),
  statedUsd: nonNegative(1e15),
  /** Where in the document, in its words or a translation. */
  quote: textSchema(500),
});
export type CostClaimInput = z.infer<typeof costClaimSchema>;

/**
 * What a document says a model is, to be compared with the dataset's model facts
 * (e.g. an article calling a dense model a mixture of experts).
 */
export const modelClaimSchema = z.strictObject({
  modelId: slugSchema,
  architecture: z.enum(["dense", "moe"]).optional(),
  paramsB: positive(100_000).optional(),
  activeParamsB: positive(100_000).optional(),
  /**
   * The dataset model the document's model is under another name (seed 001's "MiMo 8B" is
   * Xiaomi's MiMo-7B): the figures of both are compared as one model's across sources.
   */
  sameModelAs: slugSchema.optional(),
  /** Memory the document says the model uses at a quantization, with no device to make it a run. */
  memory: z.strictObject({ quantization: textSchema(40), peakMemoryMB: positive(10_000_000) }).optional(),
  quote: textSchema(500),
});
export type ModelClaimInput = z.infer<typeof modelClaimSchema>;

export const benchmarkFileSchema = z.strictObject({
  format: z.literal(NATIVE_FORMAT),
  version: z.literal(NATIVE_VERSION),
  source: sourceSchema,
  devices: z.array(deviceSchema).default([]),
  models: z.array(modelSchema).default([]),
  variants: z.array(variantSchema).default([]),
  quality: z.array(qualityScoreSchema).default([]),
  runs: z.array(runSchema).default([]),
  prices: z.array(priceSchema).default([]),
  cloudFacts: z.array(cloudFactSchema).default([]),

  /** A document's own figures the plausibility checks test (lib/plausibility). */
  costClaims: z.array(costClaimSchema).optional(),
  modelClaims: z.array(modelClaimSchema).optional(),
});
export type BenchmarkFile = z.infer<typeof benchmarkFileSchema>;
/** What a writer of the format may leave out (defaults fill it in). */
export type BenchmarkFileInput = z.input<typeof benchmarkFileSchema>;
