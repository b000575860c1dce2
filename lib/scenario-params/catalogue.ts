/**
 * The one catalogue of scenario parameters: for each path, how people see it
 * (label, unit, scale, step: the editor's fields, the problem messages and
 * /compare), what the scenario schema accepts (limits, default: read by
 * lib/schemas/scenario.ts through ./schema-numbers.ts), where the editor shows it
 * (./editor-fields.ts), the unit its value has in the plan's `inputs`, and, when
 * the tornado moves it, its name, unit, value format and clamps there.
 *
 * Adding a parameter is one entry here plus its formula in the engine (for a
 * tornado bar, its entry in lib/model/sensitivity.ts's TORNADO_FORMULAS).
 * Pure data with no imports, so the browser loads it without zod or the engine.
 *
 * Paths are dotted; "#" stands for an index or an id (tiers.#.share), and `{n}`
 * in a label for that index counted from 1. In a plan unit, `{metric}` stands for
 * the scenario's quality metric and `{above}` for a long-context tier's threshold.
 */

/** How the tornado writes an input's values (lib/plan-view/tornado.ts maps each to its formatter). */
export type TornadoFormat = "users" | "figure" | "factor" | "usdPerMTok" | "share" | "usdExact" | "usdPrecise" | "ms" | "pct";

export interface TornadoRange {
  /** The engine's own name for the bar (TornadoBar.label). */
  engineLabel: string;
  /** The name the chart and the table show. */
  name: string;
  /** Shown after the name, in parentheses; null when the name or the values carry it. */
  unit: string | null;
  format: TornadoFormat;
  /** Clamps of the ±25 % values, in stored units (default 0 and no upper bound). */
  min?: number;
  max?: number;
}

/** The numbers the scenario schema accepts at a path, in stored units. */
export interface NumberLimits {
  min: number;
  max: number;
  /** The minimum itself is refused: a quantity the engine divides by, or one whose "none" is null. */
  minExclusive?: true;
  integer?: true;
}

/**
 * Where the editor lays a field out: its section (a part of the editor, see
 * ./editor-fields.ts) and its order there. A number field's widget follows from
 * the entry (a default of null: empty means none; optional: empty leaves it out).
 */
export type EditorSection =
  | "traffic"
  | "traffic.overTime"
  | "cloud.customPrice"
  | "cloud.usage"
  | "edge.customModel"
  | "devices.customPhone"
  | "devices.speedOverride"
  | "costs"
  | "constraints";

export interface EditorPlace {
  section: EditorSection;
  order: number;
  /** What leaving it empty means, or what it is for; shown under the input. */
  hint?: string;
  /** Drawn by its section by hand (a select): the catalogue places it, the section draws it. */
  custom?: true;
}

export interface ScenarioParam {
  /** The editor's and the messages' label; absent for a figure the plan reports but no one edits. */
  label?: string;
  /** The unit shown beside the input ("users", "ms", "%"); "" for text. */
  unit?: string;
  /** Shown value = stored value × scale (shares are stored 0..1 and shown in %). */
  scale?: number;
  /** Arrow-key step in shown units. */
  step?: number;
  /** A number of the scenario: what the schema accepts. */
  limits?: NumberLimits;
  /** The schema's value when the field is left out; null: none (no budget, no battery). */
  default?: number | null;
  /** Left out, the engine applies its own rule (written in the field's hint). */
  optional?: true;
  /** Where the editor shows it. */
  editor?: EditorPlace;
  /** The unit of the stored value in the plan's `inputs`. */
  planUnit?: string;
  /** The tornado moves it ±25 % within these clamps. */
  tornado?: TornadoRange;
}

const pct = { unit: "%", scale: 100, step: 5 };
const perMTok = "USD/1M tokens";
/** The factor inputs the engine scales across tiers or devices: their sum means nothing. */
const AS_ENTERED = "× as entered";

// Upper bounds keep every product in the engine finite (1e10 users growing
// 100 %/month for 120 months is still ~1e46 requests, far below Number.MAX_VALUE);
// floors keep every quotient finite for the physical quantities the engine divides by.
const SHARE: NumberLimits = { min: 0, max: 1 };
const TOKENS: NumberLimits = { min: 0, max: 10_000_000 };
const USD_PER_MTOK: NumberLimits = { min: 0, max: 1_000_000 };
const SCORE: NumberLimits = { min: 0, max: 100 };
const MS: NumberLimits = { min: 0, max: 600_000 };
const USD: NumberLimits = { min: 0, max: 1e12 };
const EFFICIENCY: NumberLimits = { min: 0, minExclusive: true, max: 1 };
const RAM_GB: NumberLimits = { min: 0, minExclusive: true, max: 4096 };
const BANDWIDTH_GBPS: NumberLimits = { min: 0.001, max: 100_000 };
const BATTERY_WH: NumberLimits = { min: 0.001, max: 10_000 };

export const SCENARIO_PARAMS: Readonly<Record<string, ScenarioParam>> = {
  name: { label: "Scenario name", unit: "" },
  horizonMonths: {
    label: "Horizon",
    unit: "months",
    step: 12,
    limits: { min: 1, max: 120, integer: true },
    default: 36,
    editor: { section: "traffic.overTime", order: 3 },
    planUnit: "months",
  },
  qualityMetric: { label: "Quality metric", unit: "", editor: { section: "constraints", order: 6, custom: true }, planUnit: "metric" },
  "traffic.monthlyActiveUsers": {
    label: "Monthly active users",
    unit: "users",
    step: 1000,
    limits: { min: 0, max: 10_000_000_000 },
    default: 50_000,
    editor: { section: "traffic", order: 1 },
    planUnit: "users",
    tornado: { engineLabel: "Monthly active users", name: "Monthly active users", unit: null, format: "users" },
  },
  "traffic.requestsPerUserPerDay": {
    label: "Requests per user per day",
    unit: "requests",
    step: 1,
    limits: { min: 0, max: 10_000 },
    default: 10,
    editor: { section: "traffic", order: 2 },
    planUnit: "requests/user/day",
    tornado: { engineLabel: "Requests per user per day", name: "Requests per user per day", unit: null, format: "figure" },
  },
  "traffic.activeDaysPerMonth": {
    label: "Active days per month",
    unit: "days",
    limits: { min: 0, max: 31 },
    default: 20,
    editor: { section: "traffic.overTime", order: 1 },
    planUnit: "days/month",
  },
  "traffic.monthlyGrowthPct": {
    label: "User growth",
    unit: "%/month",
    step: 0.5,
    // Negative for a shrinking user base; −100 empties it after month 1.
    limits: { min: -100, max: 100 },
    default: 0,
    editor: { section: "traffic.overTime", order: 2 },
    planUnit: "%/month",
    tornado: { engineLabel: "Monthly growth (%)", name: "Monthly user growth", unit: "%/month", format: "figure", min: -100, max: 100 },
  },
  tiers: { label: "Request tiers", unit: "" },
  "tiers.#.id": { label: "Tier {n}'s name", unit: "" },
  "tiers.#.share": { label: "Tier {n}'s share of requests", ...pct, limits: SHARE, planUnit: "fraction" },
  "tiers.#.inputTokens": { label: "Tier {n}'s input", unit: "tokens", step: 50, limits: TOKENS, planUnit: "tokens" },
  "tiers.#.outputTokens": { label: "Tier {n}'s output", unit: "tokens", step: 50, limits: TOKENS, planUnit: "tokens" },
  "tiers.#.minQuality": { label: "Tier {n}'s minimum quality", unit: "%", step: 5, limits: SCORE, default: 0, planUnit: "% {metric}" },
  "tiers.#.longContextInputUsdPerMTok": { planUnit: `${perMTok} (prompts above {above} tokens)` },
  "tiers.#.longContextOutputUsdPerMTok": { planUnit: `${perMTok} (prompts above {above} tokens)` },
  "tiers.*.outputTokens": {
    tornado: { engineLabel: "Output tokens per request (all tiers)", name: "Output tokens, every tier", unit: AS_ENTERED, format: "factor" },
  },
  "tiers.*.inputTokens": {
    tornado: { engineLabel: "Input tokens per request (all tiers)", name: "Input tokens, every tier", unit: AS_ENTERED, format: "factor" },
  },
  devices: { label: "Users' phones", unit: "" },
  "devices.#": { planUnit: "id" },
  "devices.#.device": { label: "Phone {n}", unit: "" },
  "devices.#.share": { label: "Phone {n}'s share of users", ...pct, limits: SHARE, planUnit: "fraction" },
  "devices.#.bandwidthEfficiency": {
    label: "Phone {n}'s bandwidth efficiency",
    unit: "of the bandwidth bound",
    step: 0.05,
    limits: EFFICIENCY,
    optional: true,
    planUnit: "fraction",
  },
  "devices.#.device.name": { label: "Phone {n}'s name", unit: "" },
  "devices.#.device.id": { label: "Phone {n}'s id", unit: "" },
  "devices.#.device.soc": { label: "Phone {n}'s chip", unit: "" },
  "devices.#.device.kind": { label: "Phone {n}'s kind", unit: "" },
  "devices.#.device.ramGB": {
    label: "Phone {n}'s RAM",
    unit: "GB",
    limits: RAM_GB,
    editor: { section: "devices.customPhone", order: 1 },
    planUnit: "GB",
  },
  "devices.#.device.memoryBandwidthGBps": {
    label: "Phone {n}'s memory bandwidth",
    unit: "GB/s",
    limits: BANDWIDTH_GBPS,
    default: null,
    editor: { section: "devices.customPhone", order: 2 },
    planUnit: "GB/s",
  },
  "devices.#.device.batteryWh": {
    label: "Phone {n}'s battery",
    unit: "Wh",
    // null: no battery or unknown; battery % is then reported as "unknown".
    limits: BATTERY_WH,
    default: null,
    editor: { section: "devices.customPhone", order: 3 },
    planUnit: "Wh",
  },
  "devices.#.device.status": { label: "Phone {n}'s figures' status", unit: "" },
  "devices.*.decodeTokensPerSec": {
    tornado: { engineLabel: "Edge decode speed (all devices)", name: "Edge decode speed, every phone", unit: AS_ENTERED, format: "factor" },
  },
  "devices.*.powerW": {
    tornado: { engineLabel: "Edge power draw (all devices)", name: "Edge power draw, every phone", unit: AS_ENTERED, format: "factor" },
  },
  "devices.*.share": {
    tornado: { engineLabel: "Share of users on the device classes", name: "Users on the listed phones", unit: "share of users", format: "share", max: 1 },
  },
  "edge.variant": { label: "On-device model", unit: "", planUnit: "id" },
  "edge.variant.name": { label: "Model name", unit: "" },
  "edge.variant.sizeGB": {
    label: "Model file size",
    unit: "GB",
    step: 0.1,
    limits: { min: 0.001, max: 10_000 },
    editor: { section: "edge.customModel", order: 1 },
    planUnit: "GB",
  },
  "edge.variant.peakMemoryMB": {
    label: "Model peak memory",
    unit: "MB",
    step: 100,
    limits: { min: 0, minExclusive: true, max: 10_000_000 },
    optional: true,
    editor: { section: "edge.customModel", order: 2, hint: "empty: size × 1.2" },
    planUnit: "MB",
  },
  "edge.variant.quality": {
    label: "Model quality",
    unit: "%",
    limits: SCORE,
    optional: true,
    editor: { section: "edge.customModel", order: 3, hint: "empty: unknown" },
    planUnit: "% {metric}",
  },
  "edge.variant.paramsB": {
    label: "Model parameters",
    unit: "B",
    limits: { min: 0, minExclusive: true, max: 100_000 },
    optional: true,
    editor: { section: "edge.customModel", order: 4 },
  },
  "edge.variant.id": { label: "Model id", unit: "" },
  "edge.variant.activeParamsB": { label: "Model active parameters", unit: "B", limits: { min: 0, minExclusive: true, max: 100_000 }, optional: true },
  "edge.variant.quantization": { label: "Model quantization", unit: "" },
  "edge.variant.bitsPerWeight": { label: "Model bits per weight", unit: "bits", limits: { min: 1, max: 32 }, optional: true },
  "edge.variant.status": { label: "Model figures' status", unit: "" },
  "edge.runtime": { label: "Runtime", unit: "", planUnit: "runtime" },
  "edge.backend": { label: "Backend", unit: "", planUnit: "backend" },
  "edge.runs.#.device": { label: "Speed override {n}'s phone", unit: "" },
  "edge.runs.#.device.id": { label: "Speed override {n}'s phone id", unit: "" },
  "edge.runs.#.device.name": { label: "Speed override {n}'s phone name", unit: "" },
  "edge.runs.#.device.ramGB": { label: "Speed override {n}'s phone RAM", unit: "GB", limits: RAM_GB },
  "edge.runs.#.device.memoryBandwidthGBps": { label: "Speed override {n}'s phone memory bandwidth", unit: "GB/s", limits: BANDWIDTH_GBPS, default: null },
  "edge.runs.#.device.batteryWh": { label: "Speed override {n}'s phone battery", unit: "Wh", limits: BATTERY_WH, default: null },
  "edge.runs.#.device.soc": { label: "Speed override {n}'s phone chip", unit: "" },
  "edge.runs.#.device.kind": { label: "Speed override {n}'s phone kind", unit: "" },
  "edge.runs.#.device.status": { label: "Speed override {n}'s phone figures' status", unit: "" },
  "edge.runs.#.decodeTokensPerSec": {
    label: "Decode speed",
    unit: "tok/s",
    limits: { min: 0.001, max: 100_000 },
    editor: { section: "devices.speedOverride", order: 1 },
    planUnit: "tokens/s",
  },
  "edge.runs.#.ttftMs": {
    label: "First token time",
    unit: "ms",
    step: 50,
    // Kept as given, whatever the tier's prompt.
    limits: MS,
    optional: true,
    editor: { section: "devices.speedOverride", order: 2 },
    planUnit: "ms",
  },
  "edge.runs.#.prefillTokensPerSec": { label: "Prompt speed", unit: "tok/s", limits: { min: 0.001, max: 10_000_000 }, optional: true, planUnit: "tokens/s" },
  "edge.runs.#.batteryDrainPctPer30Min": { label: "Battery drain", unit: "% per 30 min", limits: { min: 0, minExclusive: true, max: 100 }, optional: true },
  "edge.runs.#.powerW": {
    label: "Power",
    unit: "W",
    step: 0.5,
    limits: { min: 0, minExclusive: true, max: 1_000 },
    optional: true,
    editor: { section: "devices.speedOverride", order: 3 },
    planUnit: "W",
  },
  "edge.runs.#.throttlePct": {
    label: "Throttling",
    unit: "%",
    limits: { min: 0, max: 99 },
    optional: true,
    editor: { section: "devices.speedOverride", order: 4 },
    planUnit: "%",
  },
  "edge.runs.#.status": { label: "Speed override {n}'s status", unit: "" },
  "cloud.price": { label: "Cloud price", unit: "", planUnit: "id" },
  "cloud.price.name": { label: "Price name", unit: "" },
  "cloud.price.id": { label: "Price id", unit: "" },
  "cloud.price.inputUsdPerMTok": {
    label: "Input price",
    unit: "$/1M tok",
    step: 0.05,
    limits: USD_PER_MTOK,
    editor: { section: "cloud.customPrice", order: 1 },
    planUnit: perMTok,
    tornado: { engineLabel: "Cloud input price", name: "Cloud input price", unit: "per 1M tokens", format: "usdPerMTok" },
  },
  "cloud.price.outputUsdPerMTok": {
    label: "Output price",
    unit: "$/1M tok",
    step: 0.05,
    limits: USD_PER_MTOK,
    editor: { section: "cloud.customPrice", order: 2 },
    planUnit: perMTok,
    tornado: { engineLabel: "Cloud output price", name: "Cloud output price", unit: "per 1M tokens", format: "usdPerMTok" },
  },
  "cloud.price.cachedInputUsdPerMTok": {
    label: "Cached input price",
    unit: "$/1M tok",
    step: 0.05,
    limits: USD_PER_MTOK,
    optional: true,
    editor: { section: "cloud.customPrice", order: 3, hint: "empty: the input price" },
    planUnit: perMTok,
  },
  // Without both, batch requests are billed at the standard prices.
  "cloud.price.batchInputUsdPerMTok": { label: "Batch input price", unit: "$/1M tok", limits: USD_PER_MTOK, optional: true, planUnit: perMTok },
  "cloud.price.batchOutputUsdPerMTok": { label: "Batch output price", unit: "$/1M tok", limits: USD_PER_MTOK, optional: true, planUnit: perMTok },
  "cloud.price.longContext.#.aboveInputTokens": {
    label: "Long-prompt price {n}'s threshold",
    unit: "tokens",
    limits: { min: 0, minExclusive: true, max: Number.MAX_SAFE_INTEGER, integer: true },
  },
  "cloud.price.longContext.#.inputUsdPerMTok": { label: "Long-prompt price {n}'s input", unit: "$/1M tok", limits: USD_PER_MTOK },
  "cloud.price.longContext.#.outputUsdPerMTok": { label: "Long-prompt price {n}'s output", unit: "$/1M tok", limits: USD_PER_MTOK, optional: true },
  "cloud.price.longContext.#.cachedInputUsdPerMTok": {
    label: "Long-prompt price {n}'s cached input",
    unit: "$/1M tok",
    limits: USD_PER_MTOK,
    optional: true,
  },
  "cloud.price.ttftMs": {
    label: "Cloud first token time",
    unit: "ms",
    step: 50,
    limits: MS,
    optional: true,
    editor: { section: "cloud.customPrice", order: 4, hint: "empty: 500 ms assumed" },
    planUnit: "ms",
  },
  "cloud.price.tokensPerSec": {
    label: "Cloud output speed",
    unit: "tok/s",
    limits: { min: 0.001, max: 1_000_000 },
    optional: true,
    editor: { section: "cloud.customPrice", order: 5, hint: "empty: 60 tok/s assumed" },
    planUnit: "tokens/s",
  },
  "cloud.price.quality": {
    label: "Cloud model quality",
    unit: "%",
    limits: SCORE,
    optional: true,
    editor: { section: "cloud.customPrice", order: 6 },
    planUnit: "% {metric}",
  },
  "cloud.price.status": { label: "Price figures' status", unit: "" },
  "cloud.cachedInputShare": {
    label: "Cached input share",
    ...pct,
    limits: SHARE,
    default: 0,
    editor: { section: "cloud.usage", order: 1 },
    planUnit: "fraction",
  },
  "cloud.batchShare": {
    label: "Requests sent to the batch API",
    ...pct,
    limits: SHARE,
    optional: true,
    editor: { section: "cloud.usage", order: 2, hint: "empty: every request at the standard price" },
    planUnit: "fraction",
    tornado: { engineLabel: "Share of requests sent to the batch API", name: "Requests sent to the batch API", unit: "share of requests", format: "share", max: 1 },
  },
  // Retries: a share r of the cloud requests is sent a second time (a time-out or an error
  // retried by the app, a user asking again) and billed again in full, so each cloud
  // request costs (1 + r) times its price; the edge's retries bill nothing. Left out: none.
  "cloud.retryShare": {
    label: "Cloud requests retried",
    ...pct,
    limits: SHARE,
    optional: true,
    editor: { section: "cloud.usage", order: 3, hint: "each retry billed again; empty: none" },
    planUnit: "fraction",
    tornado: { engineLabel: "Share of cloud requests retried", name: "Cloud requests retried", unit: "share of requests", format: "share", max: 1 },
  },
  "cloud.networkRttMs": {
    label: "Network round trip",
    unit: "ms",
    step: 10,
    limits: MS,
    default: 80,
    editor: { section: "cloud.usage", order: 4 },
    planUnit: "ms",
  },
  "cloud.priceChangePctPerYear": {
    label: "Price change",
    unit: "%/year",
    step: 5,
    // Negative when prices fall.
    limits: { min: -100, max: 100 },
    default: 0,
    editor: { section: "cloud.usage", order: 5 },
    planUnit: "%/year",
    tornado: { engineLabel: "Cloud price change per year (%)", name: "Cloud price change", unit: "%/year", format: "figure", min: -100, max: 100 },
  },
  // One-time engineering set-up; defaults from seed 001's ROI table.
  "costs.setupUsd.cloudOnly": {
    label: "Set-up, cloud-only",
    unit: "USD",
    step: 1000,
    limits: USD,
    default: 3000,
    editor: { section: "costs", order: 1 },
    planUnit: "USD",
  },
  "costs.setupUsd.hybrid": {
    label: "Set-up, hybrid",
    unit: "USD",
    step: 1000,
    limits: USD,
    default: 25_000,
    editor: { section: "costs", order: 2 },
    planUnit: "USD",
    tornado: { engineLabel: "Hybrid set-up cost", name: "Hybrid set-up cost", unit: null, format: "usdExact" },
  },
  "costs.setupUsd.edgeOnly": {
    label: "Set-up, edge-only",
    unit: "USD",
    step: 1000,
    limits: USD,
    default: 50_000,
    editor: { section: "costs", order: 3 },
    planUnit: "USD",
  },
  "costs.monthlyInfraUsd.cloudOnly": {
    label: "Infrastructure, cloud-only",
    unit: "USD/month",
    step: 10,
    limits: USD,
    default: 0,
    editor: { section: "costs", order: 4 },
    planUnit: "USD/month",
  },
  "costs.monthlyInfraUsd.hybrid": {
    label: "Infrastructure, hybrid",
    unit: "USD/month",
    step: 10,
    limits: USD,
    default: 20,
    editor: { section: "costs", order: 5 },
    planUnit: "USD/month",
  },
  "costs.monthlyInfraUsd.edgeOnly": {
    label: "Infrastructure, edge-only",
    unit: "USD/month",
    step: 10,
    limits: USD,
    default: 0,
    editor: { section: "costs", order: 6 },
    planUnit: "USD/month",
  },
  "costs.cdnUsdPerGB": {
    label: "CDN egress",
    unit: "USD/GB",
    step: 0.01,
    limits: { min: 0, max: 1_000 },
    default: 0.02,
    editor: { section: "costs", order: 7 },
    planUnit: "USD/GB",
    tornado: { engineLabel: "CDN price per GB", name: "CDN price", unit: "per GB", format: "usdPrecise" },
  },
  "costs.newInstallSharePerMonth": {
    label: "New installs",
    unit: "% of users/month",
    scale: 100,
    step: 1,
    limits: SHARE,
    default: 0.05,
    editor: { section: "costs", order: 8 },
    planUnit: "fraction/month",
  },
  "costs.modelUpdatesPerYear": {
    label: "Model updates",
    unit: "per year",
    limits: { min: 0, max: 365 },
    default: 2,
    editor: { section: "costs", order: 9 },
    planUnit: "updates/year",
    tornado: { engineLabel: "Model updates per year", name: "Model updates", unit: "per year", format: "figure" },
  },
  "constraints.latencyBudgetMs": {
    label: "Latency budget",
    unit: "ms",
    step: 100,
    limits: { min: 0, minExclusive: true, max: 600_000 },
    default: null,
    editor: { section: "constraints", order: 1 },
    planUnit: "ms",
    tornado: { engineLabel: "Latency budget", name: "Latency budget", unit: null, format: "ms" },
  },
  "constraints.latencyTarget": {
    label: "What the latency budget bounds",
    unit: "",
    editor: { section: "constraints", order: 2, custom: true },
    planUnit: "target",
  },
  "constraints.maxBatteryPctPerUserDay": {
    label: "Battery cap",
    unit: "%/user-day",
    step: 0.5,
    limits: { min: 0, minExclusive: true, max: 100 },
    default: null,
    editor: { section: "constraints", order: 3 },
    planUnit: "%/user-day",
    tornado: { engineLabel: "Battery cap per user-day", name: "Battery cap", unit: "per user-day", format: "pct", max: 100 },
  },
  "constraints.usableRamFraction": {
    label: "Usable RAM",
    unit: "% of RAM",
    scale: 100,
    step: 5,
    limits: EFFICIENCY,
    default: 0.5,
    editor: { section: "constraints", order: 4 },
    planUnit: "fraction",
  },
  "constraints.bandwidthEfficiency": {
    label: "Bandwidth efficiency",
    ...pct,
    // Left out, the engine learns it from the measured runs (DESIGN.md: no silent 0.6).
    limits: EFFICIENCY,
    optional: true,
    editor: { section: "constraints", order: 5, hint: "empty: learned from the measured runs" },
    planUnit: "fraction",
  },
};

/** The catalogue's pattern of a concrete path: indices (and only indices) become "#". */
export function paramPattern(path: string): string {
  return path
    .split(".")
    .filter((s) => s !== "")
    .map((s) => (/^\d+$/.test(s) ? "#" : s))
    .join(".");
}

/** The entry for a catalogue pattern ("tiers.#.share"), or undefined. */
export function scenarioParam(pattern: string): ScenarioParam | undefined {
  return Object.hasOwn(SCENARIO_PARAMS, pattern) ? SCENARIO_PARAMS[pattern] : undefined;
}

// Every plan reads some sixty units: a Map lookup, and a replace only where there is a placeholder.
const PLAN_UNITS = new Map(
  Object.entries(SCENARIO_PARAMS).flatMap(([pattern, p]) => (p.planUnit === undefined ? [] : [[pattern, p.planUnit] as const])),
);

/** The plan unit of a catalogue pattern; a pattern without one is a programming error. */
export function planUnit(pattern: string, qualityMetric = ""): string {
  const unit = PLAN_UNITS.get(pattern);
  if (unit === undefined) throw new Error(`scenario parameter catalogue: no plan unit for ${pattern}`);
  return unit.includes("{metric}") ? unit.replace("{metric}", qualityMetric) : unit;
}

/** The tornado's entry for an input path, or undefined when the tornado does not move it. */
export function tornadoRange(input: string): TornadoRange | undefined {
  return scenarioParam(input)?.tornado;
}
