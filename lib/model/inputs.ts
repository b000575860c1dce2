/**
 * Every value the plan used, keyed by a dotted path, with unit, source and
 * status. Scenario parameters are the user's own figures (source "scenario",
 * status "claimed"); inline refs are "scenario (inline)" with the status the
 * user gave; dataset values carry the snapshot's provenance; the planner's
 * estimates are "estimated" with a note saying how.
 */
import { longContextTierFor } from "./cloud-cost";
import type { DerivedScenario } from "./derive";
import { SCENARIO_SOURCE, type Figure } from "./figure";
import type { InputValue } from "./plan-types";

export function planInputs(derived: DerivedScenario): Record<string, InputValue> {
  const { scenario, variant, price } = derived.resolved;
  const inputs: Record<string, InputValue> = {};
  const param = (path: string, value: number | string | null, unit: string) => {
    inputs[path] = { value, unit, source: SCENARIO_SOURCE, status: "claimed" };
  };
  const fig = (path: string, f: Figure | null, unit: string) => {
    if (f === null) {
      inputs[path] = { value: null, unit, source: "unknown", status: "estimated", note: "not known" };
      return;
    }
    inputs[path] = f.note === undefined
      ? { value: f.value, unit, source: f.source, status: f.status }
      : { value: f.value, unit, source: f.source, status: f.status, note: f.note };
  };

  param("horizonMonths", scenario.horizonMonths, "months");
  param("qualityMetric", scenario.qualityMetric, "metric");
  const { traffic, costs, constraints, cloud, edge } = scenario;
  param("traffic.monthlyActiveUsers", traffic.monthlyActiveUsers, "users");
  param("traffic.requestsPerUserPerDay", traffic.requestsPerUserPerDay, "requests/user/day");
  param("traffic.activeDaysPerMonth", traffic.activeDaysPerMonth, "days/month");
  param("traffic.monthlyGrowthPct", traffic.monthlyGrowthPct, "%/month");
  for (const tier of scenario.tiers) {
    param(`tiers.${tier.id}.share`, tier.share, "fraction");
    param(`tiers.${tier.id}.inputTokens`, tier.inputTokens, "tokens");
    param(`tiers.${tier.id}.outputTokens`, tier.outputTokens, "tokens");
    param(`tiers.${tier.id}.minQuality`, tier.minQuality, `% ${scenario.qualityMetric}`);
  }

  const refSource = (datasetId: string | null) => (datasetId === null ? "scenario (inline)" : "dataset");
  inputs["edge.variant"] = { value: variant.key, unit: "id", source: refSource(variant.datasetId), status: "claimed" };
  param("edge.runtime", edge.runtime, "runtime");
  if (edge.backend !== undefined) param("edge.backend", edge.backend, "backend");
  fig("edge.variant.sizeGB", variant.sizeGB, "GB");
  fig("edge.variant.peakMemoryMB", derived.peakMemoryMB, "MB");
  if (variant.quality !== null) fig("edge.variant.quality", variant.quality, `% ${scenario.qualityMetric}`);

  inputs["cloud.price"] = { value: price.key, unit: "id", source: refSource(price.datasetId), status: "claimed" };
  fig("cloud.price.inputUsdPerMTok", price.inputUsdPerMTok, "USD/1M tokens");
  fig("cloud.price.outputUsdPerMTok", price.outputUsdPerMTok, "USD/1M tokens");
  fig("cloud.price.cachedInputUsdPerMTok", price.cachedInputUsdPerMTok, "USD/1M tokens");
  fig("cloud.price.ttftMs", price.ttftMs, "ms");
  fig("cloud.price.tokensPerSec", price.tokensPerSec, "tokens/s");
  if (price.quality !== null) fig("cloud.price.quality", price.quality, `% ${scenario.qualityMetric}`);
  param("cloud.cachedInputShare", cloud.cachedInputShare, "fraction");
  if (cloud.batchShare !== undefined) param("cloud.batchShare", cloud.batchShare, "fraction");
  // Price tiers the plan actually bills: the batch prices when a batch share is set, and each
  // long-context tier a scenario tier's prompt passes (same source and status as the price).
  const priceFigure = (path: string, value: number, unit: string) => {
    inputs[path] = { value, unit, source: price.tiers.source ?? price.inputUsdPerMTok.source, status: price.inputUsdPerMTok.status };
  };
  if ((cloud.batchShare ?? 0) > 0) {
    if (price.tiers.batchInputUsdPerMTok !== null) priceFigure("cloud.price.batchInputUsdPerMTok", price.tiers.batchInputUsdPerMTok, "USD/1M tokens");
    if (price.tiers.batchOutputUsdPerMTok !== null) priceFigure("cloud.price.batchOutputUsdPerMTok", price.tiers.batchOutputUsdPerMTok, "USD/1M tokens");
  }
  for (const tier of scenario.tiers) {
    const long = longContextTierFor(tier.inputTokens, price.tiers.longContext);
    if (long) priceFigure(`tiers.${tier.id}.longContextInputUsdPerMTok`, long.inputUsdPerMTok, `USD/1M tokens (prompts above ${long.aboveInputTokens} tokens)`);
    if (long?.outputUsdPerMTok !== undefined) priceFigure(`tiers.${tier.id}.longContextOutputUsdPerMTok`, long.outputUsdPerMTok, `USD/1M tokens (prompts above ${long.aboveInputTokens} tokens)`);
  }
  param("cloud.networkRttMs", cloud.networkRttMs, "ms");
  param("cloud.priceChangePctPerYear", cloud.priceChangePctPerYear, "%/year");

  derived.devices.forEach((device, i) => {
    const r = device.resolved;
    const at = `devices.${r.key}`;
    inputs[at] = { value: r.key, unit: "id", source: refSource(r.datasetId), status: "claimed" };
    param(`${at}.share`, r.share, "fraction");
    const ownEfficiency = derived.resolved.scenario.devices[i]?.bandwidthEfficiency;
    if (ownEfficiency !== undefined) param(`${at}.bandwidthEfficiency`, ownEfficiency, "fraction");
    fig(`${at}.ramGB`, r.ramGB, "GB");
    fig(`${at}.memoryBandwidthGBps`, r.memoryBandwidthGBps, "GB/s");
    fig(`${at}.batteryWh`, r.batteryWh, "Wh");
    const s = device.speed;
    if (s.basis !== "none") {
      fig(`${at}.decodeTokensPerSec`, s.decodeTokensPerSec, "tokens/s");
      if (s.ttftMs) fig(`${at}.ttftMs`, s.ttftMs, "ms");
      else fig(`${at}.prefillTokensPerSec`, s.prefillTokensPerSec, "tokens/s");
      fig(`${at}.powerW`, s.powerW, "W");
      fig(`${at}.throttlePct`, s.throttlePct, "%");
    }
  });

  for (const name of ["cloudOnly", "edgeOnly", "hybrid"] as const) {
    param(`costs.setupUsd.${name}`, costs.setupUsd[name], "USD");
    param(`costs.monthlyInfraUsd.${name}`, costs.monthlyInfraUsd[name], "USD/month");
  }
  param("costs.cdnUsdPerGB", costs.cdnUsdPerGB, "USD/GB");
  param("costs.newInstallSharePerMonth", costs.newInstallSharePerMonth, "fraction/month");
  param("costs.modelUpdatesPerYear", costs.modelUpdatesPerYear, "updates/year");
  param("constraints.latencyBudgetMs", constraints.latencyBudgetMs, "ms");
  param("constraints.maxBatteryPctPerUserDay", constraints.maxBatteryPctPerUserDay, "%/user-day");
  param("constraints.usableRamFraction", constraints.usableRamFraction, "fraction");
  if (constraints.bandwidthEfficiency !== undefined) {
    param("constraints.bandwidthEfficiency", constraints.bandwidthEfficiency, "fraction");
  }
  param("constraints.latencyTarget", constraints.latencyTarget, "target");
  return inputs;
}
