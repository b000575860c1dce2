/**
 * The three strategies' routings and their cost structure.
 *
 * - cloudOnly: every cell on the cloud.
 * - edgeOnly: every cell of a ready class on the edge, whatever it violates
 *   (violations recorded), everything else unserved; feasible only when no
 *   request is unserved and nothing is violated.
 * - hybrid: a class that ships (hybrid.ts) runs its allowed tiers on the edge;
 *   everything else goes to the cloud.
 *
 * Because every cell's share of R(m) is the same each month, a strategy's cost is
 *   TCO = setup + H·infra + MAU·(W·Σ_m R1(m)·pf(m) + S·sizeGB·cdn·(U1(1) + k·Σ_{m≥2} U1(m)))
 * with W = Σ_{cloud cells} share_t·share_d·cost_t, S = Σ_{shipping classes} share_d,
 * R1/U1 the per-MAU traffic and k the monthly download share; see monthly.ts for
 * the month-by-month rows the contract reports.
 */
import type { CellFacts, TierFacts } from "./cells";
import { monthlyDownloadShare } from "./distribution";
import { classShipFigures, distributionOf, type ShipDecision } from "./hybrid";
import type { BlockCode, PlanModel, StrategyName } from "./model";
import type { TrafficSeries, TrafficTotals } from "./traffic";
import { filled, transientFilled, transientZeros, zeros } from "./arrays";

export const TARGET_CLOUD = 0;
export const TARGET_EDGE = 1;
export const TARGET_UNSERVED = 2;

/** Bits of StrategyRouting.violations (edge-only cells). */
export const VIOLATES_QUALITY = 1;
export const VIOLATES_LATENCY = 2;
export const VIOLATES_BATTERY = 4;

export interface StrategyRouting {
  name: StrategyName;
  /** (D+1)·T cells: row d < D a device class, row D the "other" users. */
  target: number[];
  /** Why a cell is not on the edge; for edge-only, null unless unserved. */
  blockedBy: (BlockCode | null)[];
  violations: number[];
  ships: boolean[];
}

/** What the cost reads of a routing: the plan's report reads the rest (why a cell is not on the edge). */
export type StrategyTargets = Pick<StrategyRouting, "name" | "target" | "violations" | "ships">;

export interface StrategyCost {
  /** USD per request (of all requests) on the cloud, at month-1 prices. */
  cloudUsdPerRequest: number;
  /** Σ share_d of the classes that get the model. */
  shippedUserShare: number;
  edgeShare: number;
  unservedShare: number;
  feasible: boolean;
  fixedUsd: number;
  variableUsdPerMau: number;
  /** Closed form; equals setup + Σ monthly totals. */
  tcoUsd: number;
}

export function routeCloudOnly(model: PlanModel, T: number): StrategyRouting {
  const D = model.devices.length;
  const size = (D + 1) * T;
  const blockedBy = filled<BlockCode | null>(size, null);
  for (let t = 0; t < T; t++) blockedBy[D * T + t] = "coverage";
  return {
    name: "cloudOnly",
    target: zeros(size), // all TARGET_CLOUD
    blockedBy,
    violations: zeros(size),
    ships: filled<boolean>(D, false),
  };
}

export function routeEdgeOnly(model: PlanModel, cells: CellFacts): StrategyRouting {
  const T = cells.tierCount;
  const D = model.devices.length;
  const size = (D + 1) * T;
  const target = filled<number>(size, TARGET_UNSERVED);
  const blockedBy = filled<BlockCode | null>(size, "coverage");
  const violations = zeros(size);
  const ships = filled<boolean>(D, false);
  const cap = model.maxBatteryPctPerUserDay;
  for (let d = 0; d < D; d++) {
    const device = model.devices[d]!;
    if (device.notReady !== null) {
      for (let t = 0; t < T; t++) blockedBy[d * T + t] = device.notReady;
      continue;
    }
    ships[d] = true;
    const battery = cells.fullEdgeBatteryPct[d];
    const overBattery = cap !== null && battery !== null && battery !== undefined && battery > cap;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      target[i] = TARGET_EDGE;
      blockedBy[i] = null;
      violations[i] =
        (cells.qualityOk[i] ? 0 : VIOLATES_QUALITY) |
        (cells.latencyOk[i] ? 0 : VIOLATES_LATENCY) |
        (overBattery ? VIOLATES_BATTERY : 0);
    }
  }
  return { name: "edgeOnly", target, blockedBy, violations, ships };
}

export function routeHybrid(model: PlanModel, cells: CellFacts, decisions: readonly ShipDecision[]): StrategyRouting {
  const T = cells.tierCount;
  const D = model.devices.length;
  const size = (D + 1) * T;
  const target = zeros(size); // TARGET_CLOUD
  const blockedBy = filled<BlockCode | null>(size, "coverage");
  const ships = filled<boolean>(D, false);
  for (let d = 0; d < D; d++) {
    const device = model.devices[d]!;
    const ship = decisions[d]?.ships ?? false;
    ships[d] = ship;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      if (device.notReady !== null) blockedBy[i] = device.notReady;
      else if (!cells.qualityOk[i]) blockedBy[i] = "quality";
      else if (!cells.latencyOk[i]) blockedBy[i] = "latency";
      else if (!cells.allowedAfterBattery[i]) blockedBy[i] = "battery";
      else if (!ship) blockedBy[i] = "distribution";
      else {
        target[i] = TARGET_EDGE;
        blockedBy[i] = null;
      }
    }
  }
  return { name: "hybrid", target, blockedBy, violations: zeros(size), ships };
}

/** routeEdgeOnly's targets, violations and ships without the reasons (consumed at once: arrays.ts). */
export function edgeOnlyTargets(model: PlanModel, cells: CellFacts): StrategyTargets {
  const T = cells.tierCount;
  const D = model.devices.length;
  const size = (D + 1) * T;
  const target = transientFilled<number>(size, TARGET_UNSERVED);
  const violations = transientZeros(size);
  const ships = transientFilled<boolean>(D, false);
  const cap = model.maxBatteryPctPerUserDay;
  for (let d = 0; d < D; d++) {
    if (model.devices[d]!.notReady !== null) continue;
    ships[d] = true;
    const battery = cells.fullEdgeBatteryPct[d];
    const overBattery = cap !== null && battery !== null && battery !== undefined && battery > cap;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      target[i] = TARGET_EDGE;
      violations[i] =
        (cells.qualityOk[i] ? 0 : VIOLATES_QUALITY) |
        (cells.latencyOk[i] ? 0 : VIOLATES_LATENCY) |
        (overBattery ? VIOLATES_BATTERY : 0);
    }
  }
  return { name: "edgeOnly", target, violations, ships };
}

/** routeHybrid's targets and ships without the reasons. */
export function hybridTargets(model: PlanModel, cells: CellFacts, decisions: readonly ShipDecision[]): StrategyTargets {
  const T = cells.tierCount;
  const D = model.devices.length;
  const size = (D + 1) * T;
  const target = transientZeros(size); // TARGET_CLOUD
  const ships = transientFilled<boolean>(D, false);
  for (let d = 0; d < D; d++) {
    const ship = decisions[d]?.ships ?? false;
    ships[d] = ship;
    if (!ship || model.devices[d]!.notReady !== null) continue;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      if (cells.qualityOk[i] && cells.latencyOk[i] && cells.allowedAfterBattery[i]) target[i] = TARGET_EDGE;
    }
  }
  return { name: "hybrid", target, violations: transientZeros(size), ships };
}

/**
 * The hybrid's TCO alone, allocating nothing: shipDecisions, hybridTargets and
 * strategyCost fused, with their arithmetic in their order (so the result is the
 * same number to the last bit); the tornado calls it a few dozen times per plan.
 */
export function hybridTcoUsd(model: PlanModel, traffic: TrafficTotals, tiers: TierFacts, cells: CellFacts): number {
  const T = cells.tierCount;
  const D = model.devices.length;
  const dist = distributionOf(model);
  let cloudUsdPerRequest = 0;
  let shippedUserShare = 0;
  for (let d = 0; d < D; d++) {
    const device = model.devices[d]!;
    const ships = classShipFigures(model, traffic, tiers, cells, d, dist).shipsStructurally && model.monthlyActiveUsers > 0;
    if (ships) shippedUserShare += device.share;
    const onEdge = ships && device.notReady === null;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      const share = (model.tierShare[t] ?? 0) * device.share;
      if (!(onEdge && cells.qualityOk[i] && cells.latencyOk[i] && cells.allowedAfterBattery[i])) {
        cloudUsdPerRequest += share * (tiers.cloudUsdPerRequest[t] ?? 0);
      }
    }
  }
  for (let t = 0; t < T; t++) {
    const share = (model.tierShare[t] ?? 0) * model.otherShare;
    cloudUsdPerRequest += share * (tiers.cloudUsdPerRequest[t] ?? 0);
  }
  const downloadsPerMau = traffic.firstMonthUsersPerMau + monthlyDownloadShare(dist) * traffic.laterUsersPerMau;
  const variableUsdPerMau =
    cloudUsdPerRequest * traffic.priceWeightedRequestsPerMau +
    shippedUserShare * downloadsPerMau * model.variantSizeGB * model.cdnUsdPerGB;
  const fixedUsd = model.setupUsd.hybrid + model.horizonMonths * model.monthlyInfraUsd.hybrid;
  return fixedUsd + model.monthlyActiveUsers * variableUsdPerMau;
}

/** Share of all requests in cell i (the same every month). */
export function cellShare(model: PlanModel, T: number, i: number): number {
  const d = Math.floor(i / T);
  const deviceShare = d < model.devices.length ? model.devices[d]!.share : model.otherShare;
  return (model.tierShare[i - d * T] ?? 0) * deviceShare;
}

export function strategyCost(
  model: PlanModel,
  traffic: TrafficSeries,
  tiers: TierFacts,
  routing: StrategyTargets,
): StrategyCost {
  const T = model.tierShare.length;
  const D = model.devices.length;
  let cloudUsdPerRequest = 0;
  let edgeShare = 0;
  let unservedShare = 0;
  let violated = false;
  for (let i = 0; i < (D + 1) * T; i++) {
    const share = cellShare(model, T, i);
    const target = routing.target[i];
    if (target === TARGET_CLOUD) cloudUsdPerRequest += share * (tiers.cloudUsdPerRequest[i % T] ?? 0);
    else if (target === TARGET_EDGE) {
      edgeShare += share;
      if (routing.violations[i] && share > 0) violated = true;
    } else {
      unservedShare += share;
      if (share > 0) violated = true;
    }
  }
  let shippedUserShare = 0;
  for (let d = 0; d < D; d++) if (routing.ships[d]) shippedUserShare += model.devices[d]!.share;

  const downloadsPerMau =
    traffic.firstMonthUsersPerMau +
    monthlyDownloadShare({
      sizeGB: model.variantSizeGB,
      cdnUsdPerGB: model.cdnUsdPerGB,
      newInstallSharePerMonth: model.newInstallSharePerMonth,
      modelUpdatesPerYear: model.modelUpdatesPerYear,
    }) *
      traffic.laterUsersPerMau;
  const variableUsdPerMau =
    cloudUsdPerRequest * traffic.priceWeightedRequestsPerMau +
    shippedUserShare * downloadsPerMau * model.variantSizeGB * model.cdnUsdPerGB;
  const fixedUsd = model.setupUsd[routing.name] + model.horizonMonths * model.monthlyInfraUsd[routing.name];
  return {
    cloudUsdPerRequest,
    shippedUserShare,
    edgeShare,
    unservedShare,
    feasible: routing.name !== "edgeOnly" || !violated,
    fixedUsd,
    variableUsdPerMau,
    tcoUsd: fixedUsd + model.monthlyActiveUsers * variableUsdPerMau,
  };
}
