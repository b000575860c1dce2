/**
 * The native benchmark format: one versioned JSON document holding devices,
 * models, variants, runs and cloud prices, every figure with its status.
 * Seed files, uploads and importers all produce this shape, and the seeder and
 * the upload route both validate it with this one schema.
 */
import { z } from "zod";

export const NATIVE_FORMAT = "edge-llm-benchmarks";
export const NATIVE_VERSION = 1;

/** measured: tool output; claimed: an article's or vendor's number; estimated: computed. */
export const dataStatusSchema = z.enum(["measured", "claimed", "estimated"]);
export type DataStatus = z.infer<typeof dataStatusSchema>;

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

const positive = z.number().positive().finite();
const nonNegative = z.number().nonnegative().finite();
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

export const sourceSchema = z.strictObject({
  kind: sourceKindSchema,
  title: textSchema(300),
  url: z.url().optional(),
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
  kind: z.enum(["phone", "tablet", "laptop", "board"]).default("phone"),
  soc: textSchema().optional(),
  os: textSchema(60).optional(),
  ramGB: positive.optional(),
  memoryBandwidthGBps: positive.optional(),
  /** null: the device has no battery (a board on mains power). */
  batteryWh: positive.nullable().optional(),
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
  paramsB: positive.optional(),
  /** Parameters read per token for mixture-of-experts models. */
  activeParamsB: positive.optional(),
  architecture: z.enum(["dense", "moe"]).optional(),
  contextLength: z.number().int().positive().optional(),
});
export type ModelInput = z.infer<typeof modelSchema>;

export const variantSchema = z.strictObject({
  id: slugSchema,
  modelId: slugSchema,
  quantization: textSchema(40),
  sizeGB: positive.optional(),
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
  decodeTokensPerSec: positive.optional(),
  prefillTokensPerSec: positive.optional(),
  ttftMs: nonNegative.optional(),
  promptTokens: z.number().int().nonnegative().optional(),
  generatedTokens: z.number().int().nonnegative().optional(),
  peakMemoryMB: positive.optional(),
  weightsMB: positive.optional(),
  powerW: positive.optional(),
  batteryDrainPctPer30Min: z.number().positive().max(100).optional(),
  throttlePct: z.number().min(0).max(100).optional(),
  throttleAfterMin: positive.optional(),
  coldStartSec: nonNegative.optional(),
  repetitions: z.number().int().positive().optional(),
  decodeStddevTokensPerSec: nonNegative.optional(),
  prefillStddevTokensPerSec: nonNegative.optional(),
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
  aboveInputTokens: z.number().int().positive(),
  inputUsdPerMTok: nonNegative,
  outputUsdPerMTok: nonNegative.optional(),
  cachedInputUsdPerMTok: nonNegative.optional(),
});
export type LongContextPriceInput = z.infer<typeof longContextPriceSchema>;

export const priceSchema = z.strictObject({
  kind: priceKindSchema.default("list"),
  provider: textSchema(60),
  /** Stable key of the model at this provider, e.g. "gpt-4.1". */
  modelKey: z.string().min(1).max(160),
  name: textSchema(),
  /** Articles often quote only the output price; such a row is history, not plannable. */
  inputUsdPerMTok: nonNegative.optional(),
  outputUsdPerMTok: nonNegative,
  cachedInputUsdPerMTok: nonNegative.optional(),
  batchDiscountPct: z.number().min(0).max(100).optional(),
  /** Batch API prices (asynchronous, within 24 h). */
  batchInputUsdPerMTok: nonNegative.optional(),
  batchOutputUsdPerMTok: nonNegative.optional(),
  /** Writing a prompt prefix into the cache (Anthropic bills it above the input price). */
  cacheWriteUsdPerMTok: nonNegative.optional(),
  /** Long-context tiers, lowest threshold first. */
  longContext: z.array(longContextPriceSchema).max(8).optional(),
  ttftMs: nonNegative.optional(),
  tokensPerSec: positive.optional(),
  contextLength: z.number().int().positive().optional(),
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

/**
 * A cost figure a document states with the quantities it comes from, so that the
 * total can be checked against its own price: statedUsd should be
 * tokens ÷ 1e6 × usdPerMTok × periods.
 */
export const costClaimSchema = z.strictObject({
  label: textSchema(200),
  /** Tokens per period (e.g. a month) the document prices. */
  tokens: positive,
  usdPerMTok: nonNegative,
  /** Periods the stated total covers (36 for a 3-year table of monthly volumes). */
  periods: positive.default(1),
  statedUsd: nonNegative,
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
  paramsB: positive.optional(),
  activeParamsB: positive.optional(),
  /**
   * The dataset model the document's model is under another name (seed 001's "MiMo 8B" is
   * Xiaomi's MiMo-7B): the figures of both are compared as one model's across sources.
   */
  sameModelAs: slugSchema.optional(),
  /** Memory the document says the model uses at a quantization, with no device to make it a run. */
  memory: z.strictObject({ quantization: textSchema(40), peakMemoryMB: positive }).optional(),
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
  /** A document's own figures the plausibility checks test (lib/plausibility). */
  costClaims: z.array(costClaimSchema).optional(),
  modelClaims: z.array(modelClaimSchema).optional(),
});
export type BenchmarkFile = z.infer<typeof benchmarkFileSchema>;
/** What a writer of the format may leave out (defaults fill it in). */
export type BenchmarkFileInput = z.input<typeof benchmarkFileSchema>;
