/**
 * The plan as plain numbers: what evaluate() reads. Built once from the derived
 * scenario; the sensitivity analysis copies it with one input changed and
 * evaluates again, so nothing here holds strings or provenance.
 */
import type { CloudPriceTiers } from "./cloud-cost";
import type { DerivedScenario } from "./derive";

export type StrategyName = "cloudOnly" | "edgeOnly" | "hybrid";
export const STRATEGIES: readonly StrategyName[] = ["cloudOnly", "hybrid", "edgeOnly"];

/** Why a cell is not on the edge (or, for edge-only, what it violates). */
export type BlockCode =
  | "coverage"
  | "variant"
  | "memory"
  | "speed"
  | "quality"
  | "latency"
  | "battery"
  | "distribution"
  | "fixed_costs";

export interface DeviceModel {
  key: string;
  share: number;
  /** null when the edge can serve the class; otherwise why not. */
  notReady: "variant" | "memory" | "speed" | null;
  decodeTokensPerSec: number;
  /** First-token time of tier t = ttftMs + msPerInputToken·in_t (one of the two is 0). */
  ttftMs: number;
  /** 1000 ÷ prefill tokens/s; 0 when a run's first-token time is taken as given. */
  msPerInputToken: number;
  powerW: number;
  throttlePct: number;
  batteryWh: number | null;
}

export interface PlanModel {
  horizonMonths: number;
  monthlyActiveUsers: number;
  requestsPerUserPerDay: number;
  activeDaysPerMonth: number;
  monthlyGrowthPct: number;
  priceChangePctPerYear: number;
  tierShare: number[];
  tierInputTokens: number[];
  tierOutputTokens: number[];
  tierMinQuality: number[];
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number;
  cachedInputShare: number;
  batchShare: number;
  retryShare: number;
  priceTiers: CloudPriceTiers;
  networkRttMs: number;
  cloudTtftMs: number;
  cloudTokensPerSec: number;
  variantSizeGB: number;
  variantQuality: number | null;
  devices: DeviceModel[];
  /** 1 − Σ device shares (users whose phones run no edge model), 0 when negligible. */
  otherShare: number;
  setupUsd: Record<StrategyName, number>;
  monthlyInfraUsd: Record<StrategyName, number>;
  cdnUsdPerGB: number;
  newInstallSharePerMonth: number;
  modelUpdatesPerYear: number;
  latencyBudgetMs: number | null;
  /** What the budget bounds: the whole response, or the first token. */
  latencyTarget: "fullResponse" | "firstToken";
  maxBatteryPctPerUserDay: number | null;
}

/** Below this the remainder of the user base is rounding noise, not a device class. */
export const OTHER_SHARE_EPSILON = 1e-9;

export function buildPlanModel(derived: DerivedScenario): PlanModel {
  const { scenario, price, variant } = derived.resolved;
  const { traffic, tiers, costs, constraints, cloud } = scenario;
  const sizeGB = variant.sizeGB?.value ?? null;
  const devices: DeviceModel[] = derived.devices.map(({ resolved, capability, speed }) => ({
    key: resolved.key,
    share: resolved.share,
    notReady: sizeGB === null ? "variant" : !capability.capable ? "memory" : speed.basis === "none" ? "speed" : null,
    decodeTokensPerSec: speed.decodeTokensPerSec?.value ?? 0,
    ttftMs: speed.ttftMs?.value ?? 0,
    msPerInputToken: !speed.ttftMs && speed.prefillTokensPerSec ? 1000 / speed.prefillTokensPerSec.value : 0,
    powerW: speed.powerW?.value ?? 0,
    throttlePct: speed.throttlePct.value,
    // Without a power figure the battery use is unknown, as with an unknown battery.
    batteryWh: speed.powerW === null ? null : (resolved.batteryWh?.value ?? null),
  }));
  const deviceShareSum = devices.reduce((sum, d) => sum + d.share, 0);
  const other = 1 - deviceShareSum;
  return {
    horizonMonths: scenario.horizonMonths,
    monthlyActiveUsers: traffic.monthlyActiveUsers,
    requestsPerUserPerDay: traffic.requestsPerUserPerDay,
    activeDaysPerMonth: traffic.activeDaysPerMonth,
    monthlyGrowthPct: traffic.monthlyGrowthPct,
    priceChangePctPerYear: cloud.priceChangePctPerYear,
    tierShare: tiers.map((t) => t.share),
    tierInputTokens: tiers.map((t) => t.inputTokens),
    tierOutputTokens: tiers.map((t) => t.outputTokens),
    tierMinQuality: tiers.map((t) => t.minQuality),
    inputUsdPerMTok: price.inputUsdPerMTok.value,
    outputUsdPerMTok: price.outputUsdPerMTok.value,
    cachedInputUsdPerMTok: price.cachedInputUsdPerMTok.value,
    cachedInputShare: cloud.cachedInputShare,
    batchShare: cloud.batchShare ?? 0,
    retryShare: cloud.retryShare ?? 0,
    priceTiers: price.tiers,
    networkRttMs: cloud.networkRttMs,
    cloudTtftMs: price.ttftMs.value,
    cloudTokensPerSec: price.tokensPerSec.value,
    variantSizeGB: sizeGB ?? 0,
    variantQuality: variant.quality?.value ?? null,
    devices,
    otherShare: other > OTHER_SHARE_EPSILON ? other : 0,
    setupUsd: { cloudOnly: costs.setupUsd.cloudOnly, edgeOnly: costs.setupUsd.edgeOnly, hybrid: costs.setupUsd.hybrid },
    monthlyInfraUsd: {
      cloudOnly: costs.monthlyInfraUsd.cloudOnly,
      edgeOnly: costs.monthlyInfraUsd.edgeOnly,
      hybrid: costs.monthlyInfraUsd.hybrid,
    },
    cdnUsdPerGB: costs.cdnUsdPerGB,
    newInstallSharePerMonth: costs.newInstallSharePerMonth,
    modelUpdatesPerYear: costs.modelUpdatesPerYear,
    latencyBudgetMs: constraints.latencyBudgetMs,
    latencyTarget: constraints.latencyTarget,
    maxBatteryPctPerUserDay: constraints.maxBatteryPctPerUserDay,
  };
}
