/**
 * The scenario: everything one plan needs, version 1 of the public plan API
 * (DESIGN.md, "The plan API: a public contract"). The page, POST /api/plan and
 * the CLI all parse with this one schema; omitted fields take the defaults below.
 *
 * A `<ref>` is a dataset id (string) or an inline object with the numbers the
 * engine needs, so a user can plan for a phone, model or price the dataset lacks.
 */
import { z } from "zod";
import { numberOrNone, numberWithDefault, optionalNumber, requiredNumber } from "@/lib/scenario-params/schema-numbers";
import { DEVICE_KINDS, dataStatusSchema } from "./data-status";
import { deviceKeyOf, deviceSharesFit, shareSum, tierSharesBalanced } from "./scenario-rules";

export { deviceKeyOf, SHARE_SUM_TOLERANCE } from "./scenario-rules";

// Every number's limits and default are its entry in the parameter catalogue
// (lib/scenario-params/catalogue.ts), named here by its path there.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");
const datasetId = z.string().trim().min(1, "must name a dataset id").max(200);

export const inlineDeviceSchema = z.strictObject({
  /** Optional id the plan reports the class under; the name when omitted. */
  id: text(120).optional(),
  name: text(200),
  ramGB: requiredNumber("devices.#.device.ramGB"),
  memoryBandwidthGBps: numberOrNone("devices.#.device.memoryBandwidthGBps"),
  /** null: no battery or unknown; battery % is then reported as "unknown". */
  batteryWh: numberOrNone("devices.#.device.batteryWh"),
  soc: text(200).optional(),
  kind: z.enum(DEVICE_KINDS).optional(),
  status: dataStatusSchema.default("claimed"),
});

export const inlineVariantSchema = z.strictObject({
  id: text(120).optional(),
  name: text(200),
  sizeGB: requiredNumber("edge.variant.sizeGB"),
  /** Peak memory while running; estimated as sizeGB·1000·1.2 when omitted. */
  peakMemoryMB: optionalNumber("edge.variant.peakMemoryMB"),
  /** Score on the scenario's qualityMetric, in percent; unknown when omitted. */
  quality: optionalNumber("edge.variant.quality"),
  paramsB: optionalNumber("edge.variant.paramsB"),
  /** Parameters read per token of a mixture-of-experts model; all of paramsB when omitted. */
  activeParamsB: optionalNumber("edge.variant.activeParamsB"),
  /** Quantization name (Q4_K_M, IQ2_XXS …): speed estimates learned for that format apply. */
  quantization: text(40).optional(),
  /** Bits per weight of the quantization; sizeGB·8/paramsB when omitted. */
  bitsPerWeight: optionalNumber("edge.variant.bitsPerWeight"),
  status: dataStatusSchema.default("claimed"),
});

export const inlinePriceSchema = z.strictObject({
  id: text(160).optional(),
  name: text(200),
  inputUsdPerMTok: requiredNumber("cloud.price.inputUsdPerMTok"),
  outputUsdPerMTok: requiredNumber("cloud.price.outputUsdPerMTok"),
  /** The input price (no cache discount) when omitted. */
  cachedInputUsdPerMTok: optionalNumber("cloud.price.cachedInputUsdPerMTok"),
  /** Batch API prices; without both, batch requests are billed at the standard prices. */
  batchInputUsdPerMTok: optionalNumber("cloud.price.batchInputUsdPerMTok"),
  batchOutputUsdPerMTok: optionalNumber("cloud.price.batchOutputUsdPerMTok"),
  /** Whole request billed at these prices once its prompt passes aboveInputTokens. */
  longContext: z
    .array(
      z.strictObject({
        aboveInputTokens: requiredNumber("cloud.price.longContext.#.aboveInputTokens"),
        inputUsdPerMTok: requiredNumber("cloud.price.longContext.#.inputUsdPerMTok"),
        outputUsdPerMTok: optionalNumber("cloud.price.longContext.#.outputUsdPerMTok"),
        cachedInputUsdPerMTok: optionalNumber("cloud.price.longContext.#.cachedInputUsdPerMTok"),
      }),
    )
    .max(8)
    .optional(),
  ttftMs: optionalNumber("cloud.price.ttftMs"),
  tokensPerSec: optionalNumber("cloud.price.tokensPerSec"),
  quality: optionalNumber("cloud.price.quality"),
  status: dataStatusSchema.default("claimed"),
});

export const deviceRefSchema = z
  .union([datasetId, inlineDeviceSchema])
  .describe("A dataset device id, or an inline device { name, ramGB, memoryBandwidthGBps, batteryWh }");
export const variantRefSchema = z
  .union([datasetId, inlineVariantSchema])
  .describe("A dataset variant id (model at a quantization), or an inline { name, sizeGB, peakMemoryMB, quality }");
export const priceRefSchema = z
  .union([datasetId, inlinePriceSchema])
  .describe("A dataset price id `${provider}/${modelKey}`, or an inline price in USD per 1M tokens");

export const trafficSchema = z.strictObject({
  monthlyActiveUsers: numberWithDefault("traffic.monthlyActiveUsers"),
  requestsPerUserPerDay: numberWithDefault("traffic.requestsPerUserPerDay"),
  activeDaysPerMonth: numberWithDefault("traffic.activeDaysPerMonth"),
  /** Negative for a shrinking user base; −100 empties it after month 1. */
  monthlyGrowthPct: numberWithDefault("traffic.monthlyGrowthPct"),
});

export const tierSchema = z.strictObject({
  id: text(60),
  share: requiredNumber("tiers.#.share"),
  inputTokens: requiredNumber("tiers.#.inputTokens"),
  outputTokens: requiredNumber("tiers.#.outputTokens"),
  /** Minimum score on the scenario's qualityMetric (percent) for the edge model to serve this tier. */
  minQuality: numberWithDefault("tiers.#.minQuality"),
});

/**
 * Default tiers, after seed 001's router (LOW < 100 tokens, MEDIUM 100–500,
 * HIGH > 500): simple requests any small model serves, complex ones that need
 * a model scoring 70 % on the metric.
 */
export const DEFAULT_TIERS = [
  { id: "simple", share: 0.6, inputTokens: 100, outputTokens: 50, minQuality: 0 },
  { id: "medium", share: 0.3, inputTokens: 400, outputTokens: 200, minQuality: 50 },
  { id: "complex", share: 0.1, inputTokens: 1500, outputTokens: 500, minQuality: 70 },
] as const;

export const deviceClassSchema = z.strictObject({
  device: deviceRefSchema,
  share: requiredNumber("devices.#.share"),
  /**
   * This class's bandwidth efficiency for the speed estimate, instead of
   * constraints.bandwidthEfficiency: e.g. calibrated from measured runs on the device.
   */
  bandwidthEfficiency: optionalNumber("devices.#.bandwidthEfficiency"),
});

export const inlineRunSchema = z.strictObject({
  /** A dataset device id or the id (else name) of an inline device of `devices`. */
  device: deviceRefSchema,
  decodeTokensPerSec: requiredNumber("edge.runs.#.decodeTokensPerSec"),
  /** First-token time as measured; kept as given, whatever the tier's prompt. */
  ttftMs: optionalNumber("edge.runs.#.ttftMs"),
  /** Prompt processing speed: first token of a tier = its input tokens ÷ this (when no ttftMs). */
  prefillTokensPerSec: optionalNumber("edge.runs.#.prefillTokensPerSec"),
  powerW: optionalNumber("edge.runs.#.powerW"),
  batteryDrainPctPer30Min: optionalNumber("edge.runs.#.batteryDrainPctPer30Min"),
  throttlePct: optionalNumber("edge.runs.#.throttlePct"),
  status: dataStatusSchema.default("claimed"),
});

export const edgeSchema = z.strictObject({
  variant: variantRefSchema,
  runtime: text(40).default("llama.cpp"),
  /** CPU, OpenCL, Vulkan, Metal, Hexagon …; omitted: the device's best measured backend of the runtime. */
  backend: text(40).optional(),
  runs: z.array(inlineRunSchema).max(200).default([]),
});

export const cloudSchema = z.strictObject({
  price: priceRefSchema,
  cachedInputShare: numberWithDefault("cloud.cachedInputShare"),
  /** Share of cloud requests sent through the provider's batch API (billed at its batch prices); 0 when omitted. */
  batchShare: optionalNumber("cloud.batchShare"),
  /** Share of cloud requests sent and billed a second time (retries); 0 when omitted. */
  retryShare: optionalNumber("cloud.retryShare"),
  networkRttMs: numberWithDefault("cloud.networkRttMs"),
  /** Yearly change of the cloud price; negative when prices fall. */
  priceChangePctPerYear: numberWithDefault("cloud.priceChangePctPerYear"),
});

const perStrategyUsd = (at: "costs.setupUsd" | "costs.monthlyInfraUsd") =>
  z
    .strictObject({
      cloudOnly: numberWithDefault(`${at}.cloudOnly`),
      edgeOnly: numberWithDefault(`${at}.edgeOnly`),
      hybrid: numberWithDefault(`${at}.hybrid`),
    })
    .prefault({});

export const costsSchema = z.strictObject({
  /** One-time engineering set-up; defaults from seed 001's ROI table. */
  setupUsd: perStrategyUsd("costs.setupUsd"),
  monthlyInfraUsd: perStrategyUsd("costs.monthlyInfraUsd"),
  cdnUsdPerGB: numberWithDefault("costs.cdnUsdPerGB"),
  newInstallSharePerMonth: numberWithDefault("costs.newInstallSharePerMonth"),
  modelUpdatesPerYear: numberWithDefault("costs.modelUpdatesPerYear"),
});

export const constraintsSchema = z.strictObject({
  latencyBudgetMs: numberOrNone("constraints.latencyBudgetMs"),
  maxBatteryPctPerUserDay: numberOrNone("constraints.maxBatteryPctPerUserDay"),
  usableRamFraction: numberWithDefault("constraints.usableRamFraction"),
  /**
   * Share of the bandwidth roofline for estimated decode speeds. Omitted: learned from
   * the measured runs (by runtime, backend, quantization and device).
   */
  bandwidthEfficiency: optionalNumber("constraints.bandwidthEfficiency"),
  /** What the latency budget bounds: the whole response (v1) or the first token only. */
  latencyTarget: z.enum(["fullResponse", "firstToken"]).default("fullResponse"),
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1),
    name: text(200).default("Untitled scenario"),
    horizonMonths: numberWithDefault("horizonMonths"),
    /** The quality metric tiers' minQuality and inline `quality` figures refer to. */
    qualityMetric: z
      .string()
      .regex(/^[a-z0-9_-]+$/, "must be a lowercase metric name such as mmlu")
      .max(40)
      .default("mmlu"),
    traffic: trafficSchema.prefault({}),
    /** Complexity tiers; shares sum to 1. */
    tiers: z
      .array(tierSchema)
      .min(1)
      .max(20)
      .default(() => DEFAULT_TIERS.map((t) => ({ ...t }))),
    devices: z
      .array(deviceClassSchema)
      .max(50)
      .default([])
      .describe('Device classes (shares of users, summing to at most 1); the rest ("other") always use the cloud'),
    edge: edgeSchema,
    cloud: cloudSchema,
    costs: costsSchema.prefault({}),
    constraints: constraintsSchema.prefault({}),
  })
  .superRefine((scenario, ctx) => {
    const tierShareSum = shareSum(scenario.tiers);
    if (!tierSharesBalanced(tierShareSum)) {
      ctx.addIssue({
        code: "custom",
        path: ["tiers"],
        message: `tier shares must sum to 1 (they sum to ${tierShareSum})`,
      });
    }
    const seenTiers = new Set<string>();
    scenario.tiers.forEach((tier, i) => {
      if (seenTiers.has(tier.id)) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "id"], message: `duplicate tier id "${tier.id}"` });
      }
      seenTiers.add(tier.id);
    });

    const deviceShareSum = shareSum(scenario.devices);
    if (!deviceSharesFit(deviceShareSum)) {
      ctx.addIssue({
        code: "custom",
        path: ["devices"],
        message: `device shares must sum to at most 1 (they sum to ${deviceShareSum})`,
      });
    }
    const seenDevices = new Set<string>();
    scenario.devices.forEach((d, i) => {
      const key = deviceKeyOf(d.device);
      if (key === "other") {
        ctx.addIssue({
          code: "custom",
          path: ["devices", i, "device"],
          message: `"other" is reserved for the users whose phones run no edge model`,
        });
      } else if (seenDevices.has(key)) {
        ctx.addIssue({ code: "custom", path: ["devices", i, "device"], message: `duplicate device "${key}"` });
      }
      seenDevices.add(key);
    });
  });

/** A parsed scenario: every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a caller may send: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Tier = Scenario["tiers"][number];
export type DeviceRef = z.output<typeof deviceRefSchema>;
export type VariantRef = z.output<typeof variantRefSchema>;
export type PriceRef = z.output<typeof priceRefSchema>;
export type InlineDevice = z.output<typeof inlineDeviceSchema>;
export type InlineVariant = z.output<typeof inlineVariantSchema>;
export type InlinePrice = z.output<typeof inlinePriceSchema>;
export type InlineRun = z.output<typeof inlineRunSchema>;
