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
  const unitOf = (pattern: string) => planUnit(pattern, scenario.qualityMetric);
  const param = (path: string, value: number | string | null, pattern = path) => {
    inputs[path] = { value, unit: unitOf(pattern), source: SCENARIO_SOURCE, status: "claimed" };
  };
  const fig = (path: string, f: Figure | null, pattern = path) => {
    const unit = unitOf(pattern);
    if (f === null) {
      inputs[path] = { value: null, unit, source: "unknown", status: "estimated", note: "not known" };
      return;
    }
    inputs[path] = f.note === undefined
      ? { value: f.value, unit, source: f.source, status: f.status }
      : { value: f.value, unit, source: f.source, status: f.status, note: f.note };
  };

  param("horizonMonths", scenario.horizonMonths);
  param("qualityMetric", scenario.qualityMetric);
  const { traffic, costs, constraints, cloud, edge } = scenario;
  param("traffic.monthlyActiveUsers", traffic.monthlyActiveUsers);
  param("traffic.requestsPerUserPerDay", traffic.requestsPerUserPerDay);
  param("traffic.activeDaysPerMonth", traffic.activeDaysPerMonth);
  param("traffic.monthlyGrowthPct", traffic.monthlyGrowthPct);
  for (const tier of scenario.tiers) {
    const at = tierPaths(tier.id);
    param(at.share, tier.share, "tiers.#.share");
    param(at.inputTokens, tier.inputTokens, "tiers.#.inputTokens");
    param(at.outputTokens, tier.outputTokens, "tiers.#.outputTokens");
    param(at.minQuality, tier.minQuality, "tiers.#.minQuality");
  }

  const refSource = (datasetId: string | null) => (datasetId === null ? "scenario (inline)" : "dataset");
  inputs["edge.variant"] = { value: variant.key, unit: unitOf("edge.variant"), source: refSource(variant.datasetId), status: "claimed" };
  param("edge.runtime", edge.runtime);
  if (edge.backend !== undefined) param("edge.backend", edge.backend);
  fig("edge.variant.sizeGB", variant.sizeGB);
  fig("edge.variant.peakMemoryMB", derived.peakMemoryMB);
  if (variant.quality !== null) fig("edge.variant.quality", variant.quality);

  inputs["cloud.price"] = { value: price.key, unit: unitOf("cloud.price"), source: refSource(price.datasetId), status: "claimed" };
  fig("cloud.price.inputUsdPerMTok", price.inputUsdPerMTok);
  fig("cloud.price.outputUsdPerMTok", price.outputUsdPerMTok);
  fig("cloud.price.cachedInputUsdPerMTok", price.cachedInputUsdPerMTok);
  fig("cloud.price.ttftMs", price.ttftMs);
  fig("cloud.price.tokensPerSec", price.tokensPerSec);
  if (price.quality !== null) fig("cloud.price.quality", price.quality);
  param("cloud.cachedInputShare", cloud.cachedInputShare);
  if (cloud.batchShare !== undefined) param("cloud.batchShare", cloud.batchShare);
  if (cloud.retryShare !== undefined) param("cloud.retryShare", cloud.retryShare);
  // Price tiers the plan actually bills: the batch prices when a batch share is set, and each
  // long-context tier a scenario tier's prompt passes (same source and status as the price).
  const priceFigure = (path: string, value: number, unit = unitOf(path)) => {
    inputs[path] = { value, unit, source: price.tiers.source ?? price.inputUsdPerMTok.source, status: price.inputUsdPerMTok.status };
  };
  if ((cloud.batchShare ?? 0) > 0) {
    if (price.tiers.batchInputUsdPerMTok !== null) priceFigure("cloud.price.batchInputUsdPerMTok", price.tiers.batchInputUsdPerMTok);
    if (price.tiers.batchOutputUsdPerMTok !== null) priceFigure("cloud.price.batchOutputUsdPerMTok", price.tiers.batchOutputUsdPerMTok);
  }
  for (const tier of scenario.tiers) {
    const long = longContextTierFor(tier.inputTokens, price.tiers.longContext);
    if (!long) continue;
    const unit = (pattern: string) => unitOf(pattern).replace("{above}", String(long.aboveInputTokens));
    const at = tierPaths(tier.id);
    priceFigure(at.longContextInputUsdPerMTok, long.inputUsdPerMTok, unit("tiers.#.longContextInputUsdPerMTok"));
    if (long.outputUsdPerMTok !== undefined) {
      priceFigure(at.longContextOutputUsdPerMTok, long.outputUsdPerMTok, unit("tiers.#.longContextOutputUsdPerMTok"));
    }
  }
  param("cloud.networkRttMs", cloud.networkRttMs);
  param("cloud.priceChangePctPerYear", cloud.priceChangePctPerYear);

  derived.devices.forEach((device, i) => {
    const r = device.resolved;
    const at = devicePaths(r.key);
    inputs[at.device] = { value: r.key, unit: unitOf("devices.#"), source: refSource(r.datasetId), status: "claimed" };
    param(at.share, r.share, "devices.#.share");
    const ownEfficiency = derived.resolved.scenario.devices[i]?.bandwidthEfficiency;
    if (ownEfficiency !== undefined) param(at.bandwidthEfficiency, ownEfficiency, "devices.#.bandwidthEfficiency");
    fig(at.ramGB, r.ramGB, "devices.#.device.ramGB");
    fig(at.memoryBandwidthGBps, r.memoryBandwidthGBps, "devices.#.device.memoryBandwidthGBps");
    fig(at.batteryWh, r.batteryWh, "devices.#.device.batteryWh");
    const s = device.speed;
    if (s.basis !== "none") {
      fig(at.decodeTokensPerSec, s.decodeTokensPerSec, "edge.runs.#.decodeTokensPerSec");
      if (s.ttftMs) fig(at.ttftMs, s.ttftMs, "edge.runs.#.ttftMs");
      else fig(at.prefillTokensPerSec, s.prefillTokensPerSec, "edge.runs.#.prefillTokensPerSec");
      fig(at.powerW, s.powerW, "edge.runs.#.powerW");
      fig(at.throttlePct, s.throttlePct, "edge.runs.#.throttlePct");
    }
  });

  for (const name of ["cloudOnly", "edgeOnly", "hybrid"] as const) {
    param(`costs.setupUsd.${name}`, costs.setupUsd[name]);
    param(`costs.monthlyInfraUsd.${name}`, costs.monthlyInfraUsd[name]);
  }
  param("costs.cdnUsdPerGB", costs.cdnUsdPerGB);
  param("costs.newInstallSharePerMonth", costs.newInstallSharePerMonth);
  param("costs.modelUpdatesPerYear", costs.modelUpdatesPerYear);
  param("constraints.latencyBudgetMs", constraints.latencyBudgetMs);
  param("constraints.maxBatteryPctPerUserDay", constraints.maxBatteryPctPerUserDay);
  param("constraints.usableRamFraction", constraints.usableRamFraction);
  if (constraints.bandwidthEfficiency !== undefined) {
    param("constraints.bandwidthEfficiency", constraints.bandwidthEfficiency);
  }
  param("constraints.latencyTarget", constraints.latencyTarget);
  return inputs;
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
