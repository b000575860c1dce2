/**
 * Every value the plan used, keyed by a dotted path, with unit, source and
 * status. Scenario parameters are the user's own figures (source "scenario",
 * status "claimed"); inline refs are "scenario (inline)" with the status the
 * user gave; dataset values carry the snapshot's provenance; the planner's
 * estimates are "estimated" with a note saying how. Units come from the
 * parameter catalogue (lib/scenario-params/catalogue.ts), by the path's pattern.
 */
import { longContextTierFor } from "./cloud-cost";
import type { DerivedScenario } from "./derive";
import { SCENARIO_SOURCE, type Figure } from "./figure";
import type { InputValue } from "./plan-types";
import { planUnit } from "@/lib/scenario-params/catalogue";

export function planInputs(derived: DerivedScenario): Record<string, InputValue> {
  const { scenario, variant, price } = derived.resolved;
  const inputs: Record<string, InputValue> = {};
  const metric = scenario.qualityMetric;
  const { traffic, costs, constraints, cloud, edge } = scenario;

  param(inputs, "horizonMonths", scenario.horizonMonths, U.horizonMonths);
  param(inputs, "qualityMetric", metric, U.qualityMetric);
  param(inputs, "traffic.monthlyActiveUsers", traffic.monthlyActiveUsers, U.monthlyActiveUsers);
  param(inputs, "traffic.requestsPerUserPerDay", traffic.requestsPerUserPerDay, U.requestsPerUserPerDay);
  param(inputs, "traffic.activeDaysPerMonth", traffic.activeDaysPerMonth, U.activeDaysPerMonth);
  param(inputs, "traffic.monthlyGrowthPct", traffic.monthlyGrowthPct, U.monthlyGrowthPct);
  const minQualityUnit = planUnit("tiers.#.minQuality", metric);
  for (const tier of scenario.tiers) {
    const at = tierPaths(tier.id);
    param(inputs, at.share, tier.share, U.tierShare);
    param(inputs, at.inputTokens, tier.inputTokens, U.tierInputTokens);
    param(inputs, at.outputTokens, tier.outputTokens, U.tierOutputTokens);
    param(inputs, at.minQuality, tier.minQuality, minQualityUnit);
  }

  inputs["edge.variant"] = { value: variant.key, unit: U.variant, source: refSource(variant.datasetId), status: "claimed" };
  param(inputs, "edge.runtime", edge.runtime, U.runtime);
  if (edge.backend !== undefined) param(inputs, "edge.backend", edge.backend, U.backend);
  fig(inputs, "edge.variant.sizeGB", variant.sizeGB, U.sizeGB);
  fig(inputs, "edge.variant.peakMemoryMB", derived.peakMemoryMB, U.peakMemoryMB);
  if (variant.quality !== null) fig(inputs, "edge.variant.quality", variant.quality, planUnit("edge.variant.quality", metric));

  inputs["cloud.price"] = { value: price.key, unit: U.price, source: refSource(price.datasetId), status: "claimed" };
  fig(inputs, "cloud.price.inputUsdPerMTok", price.inputUsdPerMTok, U.inputUsdPerMTok);
  fig(inputs, "cloud.price.outputUsdPerMTok", price.outputUsdPerMTok, U.outputUsdPerMTok);
  fig(inputs, "cloud.price.cachedInputUsdPerMTok", price.cachedInputUsdPerMTok, U.cachedInputUsdPerMTok);
  fig(inputs, "cloud.price.ttftMs", price.ttftMs, U.cloudTtftMs);
  fig(inputs, "cloud.price.tokensPerSec", price.tokensPerSec, U.cloudTokensPerSec);
  if (price.quality !== null) fig(inputs, "cloud.price.quality", price.quality, planUnit("cloud.price.quality", metric));
  param(inputs, "cloud.cachedInputShare", cloud.cachedInputShare, U.cachedInputShare);
  if (cloud.batchShare !== undefined) param(inputs, "cloud.batchShare", cloud.batchShare, U.batchShare);
  if (cloud.retryShare !== undefined) param(inputs, "cloud.retryShare", cloud.retryShare, U.retryShare);
  // Price tiers the plan actually bills: the batch prices when a batch share is set, and each
  // long-context tier a scenario tier's prompt passes (same source and status as the price).
  const priceSource = price.tiers.source ?? price.inputUsdPerMTok.source;
  const priceStatus = price.inputUsdPerMTok.status;
  if ((cloud.batchShare ?? 0) > 0) {
    if (price.tiers.batchInputUsdPerMTok !== null) {
      inputs["cloud.price.batchInputUsdPerMTok"] = {
        value: price.tiers.batchInputUsdPerMTok,
        unit: planUnit("cloud.price.batchInputUsdPerMTok", metric),
        source: priceSource,
        status: priceStatus,
      };
    }
    if (price.tiers.batchOutputUsdPerMTok !== null) {
      inputs["cloud.price.batchOutputUsdPerMTok"] = {
        value: price.tiers.batchOutputUsdPerMTok,
        unit: planUnit("cloud.price.batchOutputUsdPerMTok", metric),
        source: priceSource,
        status: priceStatus,
      };
    }
  }
  if (price.tiers.longContext.length > 0) {
    for (const tier of scenario.tiers) {
      const long = longContextTierFor(tier.inputTokens, price.tiers.longContext);
      if (!long) continue;
      const above = String(long.aboveInputTokens);
      const at = tierPaths(tier.id);
      inputs[at.longContextInputUsdPerMTok] = {
        value: long.inputUsdPerMTok,
        unit: planUnit("tiers.#.longContextInputUsdPerMTok", metric).replace("{above}", above),
        source: priceSource,
        status: priceStatus,
      };
      if (long.outputUsdPerMTok !== undefined) {
        inputs[at.longContextOutputUsdPerMTok] = {
          value: long.outputUsdPerMTok,
          unit: planUnit("tiers.#.longContextOutputUsdPerMTok", metric).replace("{above}", above),
          source: priceSource,
          status: priceStatus,
        };
      }
    }
  }
  param(inputs, "cloud.networkRttMs", cloud.networkRttMs, U.networkRttMs);
  param(inputs, "cloud.priceChangePctPerYear", cloud.priceChangePctPerYear, U.priceChangePctPerYear);

  const scenarioDevices = scenario.devices;
  for (let i = 0; i < derived.devices.length; i++) {
    const device = derived.devices[i]!;
    const r = device.resolved;
    const at = devicePaths(r.key);
    inputs[at.device] = { value: r.key, unit: U.device, source: refSource(r.datasetId), status: "claimed" };
    param(inputs, at.share, r.share, U.deviceShare);
    const ownEfficiency = scenarioDevices[i]?.bandwidthEfficiency;
    if (ownEfficiency !== undefined) param(inputs, at.bandwidthEfficiency, ownEfficiency, U.deviceBandwidthEfficiency);
    fig(inputs, at.ramGB, r.ramGB, U.ramGB);
    fig(inputs, at.memoryBandwidthGBps, r.memoryBandwidthGBps, U.memoryBandwidthGBps);
    fig(inputs, at.batteryWh, r.batteryWh, U.batteryWh);
    const s = device.speed;
    if (s.basis !== "none") {
      fig(inputs, at.decodeTokensPerSec, s.decodeTokensPerSec, U.decodeTokensPerSec);
      if (s.ttftMs) fig(inputs, at.ttftMs, s.ttftMs, U.ttftMs);
      else fig(inputs, at.prefillTokensPerSec, s.prefillTokensPerSec, U.prefillTokensPerSec);
      fig(inputs, at.powerW, s.powerW, U.powerW);
      fig(inputs, at.throttlePct, s.throttlePct, U.throttlePct);
    }
  }

  param(inputs, "costs.setupUsd.cloudOnly", costs.setupUsd.cloudOnly, U.setupCloudOnly);
  param(inputs, "costs.monthlyInfraUsd.cloudOnly", costs.monthlyInfraUsd.cloudOnly, U.infraCloudOnly);
  param(inputs, "costs.setupUsd.edgeOnly", costs.setupUsd.edgeOnly, U.setupEdgeOnly);
  param(inputs, "costs.monthlyInfraUsd.edgeOnly", costs.monthlyInfraUsd.edgeOnly, U.infraEdgeOnly);
  param(inputs, "costs.setupUsd.hybrid", costs.setupUsd.hybrid, U.setupHybrid);
  param(inputs, "costs.monthlyInfraUsd.hybrid", costs.monthlyInfraUsd.hybrid, U.infraHybrid);
  param(inputs, "costs.cdnUsdPerGB", costs.cdnUsdPerGB, U.cdnUsdPerGB);
  param(inputs, "costs.newInstallSharePerMonth", costs.newInstallSharePerMonth, U.newInstallSharePerMonth);
  param(inputs, "costs.modelUpdatesPerYear", costs.modelUpdatesPerYear, U.modelUpdatesPerYear);
  param(inputs, "constraints.latencyBudgetMs", constraints.latencyBudgetMs, U.latencyBudgetMs);
  param(inputs, "constraints.maxBatteryPctPerUserDay", constraints.maxBatteryPctPerUserDay, U.maxBatteryPctPerUserDay);
  param(inputs, "constraints.usableRamFraction", constraints.usableRamFraction, U.usableRamFraction);
  if (constraints.bandwidthEfficiency !== undefined) {
    param(inputs, "constraints.bandwidthEfficiency", constraints.bandwidthEfficiency, U.bandwidthEfficiency);
  }
  param(inputs, "constraints.latencyTarget", constraints.latencyTarget, U.latencyTarget);
  return inputs;
}

/**
 * The plan units of the patterns whose unit names no quality metric, looked up once at load
 * (module-level helpers rather than closures per plan: planInputs runs on every plan).
 */
const U = {
  horizonMonths: planUnit("horizonMonths"),
  qualityMetric: planUnit("qualityMetric"),
  monthlyActiveUsers: planUnit("traffic.monthlyActiveUsers"),
  requestsPerUserPerDay: planUnit("traffic.requestsPerUserPerDay"),
  activeDaysPerMonth: planUnit("traffic.activeDaysPerMonth"),
  monthlyGrowthPct: planUnit("traffic.monthlyGrowthPct"),
  tierShare: planUnit("tiers.#.share"),
  tierInputTokens: planUnit("tiers.#.inputTokens"),
  tierOutputTokens: planUnit("tiers.#.outputTokens"),
  variant: planUnit("edge.variant"),
  runtime: planUnit("edge.runtime"),
  backend: planUnit("edge.backend"),
  sizeGB: planUnit("edge.variant.sizeGB"),
  peakMemoryMB: planUnit("edge.variant.peakMemoryMB"),
  price: planUnit("cloud.price"),
  inputUsdPerMTok: planUnit("cloud.price.inputUsdPerMTok"),
  outputUsdPerMTok: planUnit("cloud.price.outputUsdPerMTok"),
  cachedInputUsdPerMTok: planUnit("cloud.price.cachedInputUsdPerMTok"),
  cloudTtftMs: planUnit("cloud.price.ttftMs"),
  cloudTokensPerSec: planUnit("cloud.price.tokensPerSec"),
  cachedInputShare: planUnit("cloud.cachedInputShare"),
  batchShare: planUnit("cloud.batchShare"),
  retryShare: planUnit("cloud.retryShare"),
  networkRttMs: planUnit("cloud.networkRttMs"),
  priceChangePctPerYear: planUnit("cloud.priceChangePctPerYear"),
  device: planUnit("devices.#"),
  deviceShare: planUnit("devices.#.share"),
  deviceBandwidthEfficiency: planUnit("devices.#.bandwidthEfficiency"),
  ramGB: planUnit("devices.#.device.ramGB"),
  memoryBandwidthGBps: planUnit("devices.#.device.memoryBandwidthGBps"),
  batteryWh: planUnit("devices.#.device.batteryWh"),
  decodeTokensPerSec: planUnit("edge.runs.#.decodeTokensPerSec"),
  ttftMs: planUnit("edge.runs.#.ttftMs"),
  prefillTokensPerSec: planUnit("edge.runs.#.prefillTokensPerSec"),
  powerW: planUnit("edge.runs.#.powerW"),
  throttlePct: planUnit("edge.runs.#.throttlePct"),
  setupCloudOnly: planUnit("costs.setupUsd.cloudOnly"),
  infraCloudOnly: planUnit("costs.monthlyInfraUsd.cloudOnly"),
  setupEdgeOnly: planUnit("costs.setupUsd.edgeOnly"),
  infraEdgeOnly: planUnit("costs.monthlyInfraUsd.edgeOnly"),
  setupHybrid: planUnit("costs.setupUsd.hybrid"),
  infraHybrid: planUnit("costs.monthlyInfraUsd.hybrid"),
  cdnUsdPerGB: planUnit("costs.cdnUsdPerGB"),
  newInstallSharePerMonth: planUnit("costs.newInstallSharePerMonth"),
  modelUpdatesPerYear: planUnit("costs.modelUpdatesPerYear"),
  latencyBudgetMs: planUnit("constraints.latencyBudgetMs"),
  maxBatteryPctPerUserDay: planUnit("constraints.maxBatteryPctPerUserDay"),
  usableRamFraction: planUnit("constraints.usableRamFraction"),
  bandwidthEfficiency: planUnit("constraints.bandwidthEfficiency"),
  latencyTarget: planUnit("constraints.latencyTarget"),
};

function refSource(datasetId: string | null): string {
  return datasetId === null ? "scenario (inline)" : "dataset";
}

function param(inputs: Record<string, InputValue>, path: string, value: number | string | null, unit: string): void {
  inputs[path] = { value, unit, source: SCENARIO_SOURCE, status: "claimed" };
}

function fig(inputs: Record<string, InputValue>, path: string, f: Figure | null, unit: string): void {
  if (f === null) {
    inputs[path] = { value: null, unit, source: "unknown", status: "estimated", note: "not known" };
    return;
  }
  inputs[path] = f.note === undefined
    ? { value: f.value, unit, source: f.source, status: f.status }
    : { value: f.value, unit, source: f.source, status: f.status, note: f.note };
}

/**
 * The paths of one tier's or one device class's inputs, built once per id: the same
 * string objects on every plan are keys the runtime has already hashed, where freshly
 * concatenated ones are hashed (and flattened) again on every plan.
 */
function pathsOf<K extends string>(cache: Map<string, Record<K, string>>, id: string, build: (id: string) => Record<K, string>) {
  let paths = cache.get(id);
  if (paths) return paths;
  paths = build(id);
  // Ids are the user's text: bound what a long session of keystrokes can keep.
  if (cache.size >= MAX_CACHED_IDS) cache.clear();
  cache.set(id, paths);
  return paths;
}

const MAX_CACHED_IDS = 1000;

const tierPathCache = new Map<string, Record<TierPath, string>>();
type TierPath = "share" | "inputTokens" | "outputTokens" | "minQuality" | "longContextInputUsdPerMTok" | "longContextOutputUsdPerMTok";

function tierPaths(id: string): Record<TierPath, string> {
  return pathsOf(tierPathCache, id, (tier) => ({
    share: `tiers.${tier}.share`,
    inputTokens: `tiers.${tier}.inputTokens`,
    outputTokens: `tiers.${tier}.outputTokens`,
    minQuality: `tiers.${tier}.minQuality`,
    longContextInputUsdPerMTok: `tiers.${tier}.longContextInputUsdPerMTok`,
    longContextOutputUsdPerMTok: `tiers.${tier}.longContextOutputUsdPerMTok`,
  }));
}

const devicePathCache = new Map<string, Record<DevicePath, string>>();
type DevicePath =
  | "device"
  | "share"
  | "bandwidthEfficiency"
  | "ramGB"
  | "memoryBandwidthGBps"
  | "batteryWh"
  | "decodeTokensPerSec"
  | "ttftMs"
  | "prefillTokensPerSec"
  | "powerW"
  | "throttlePct";

function devicePaths(key: string): Record<DevicePath, string> {
  return pathsOf(devicePathCache, key, (device) => {
    const at = `devices.${device}`;
    return {
      device: at,
      share: `${at}.share`,
      bandwidthEfficiency: `${at}.bandwidthEfficiency`,
      ramGB: `${at}.ramGB`,
      memoryBandwidthGBps: `${at}.memoryBandwidthGBps`,
      batteryWh: `${at}.batteryWh`,
      decodeTokensPerSec: `${at}.decodeTokensPerSec`,
      ttftMs: `${at}.ttftMs`,
      prefillTokensPerSec: `${at}.prefillTokensPerSec`,
      powerW: `${at}.powerW`,
      throttlePct: `${at}.throttlePct`,
    };
  });
}
