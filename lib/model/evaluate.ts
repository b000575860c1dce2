/**
 * The numeric core: PlanModel in, routings and cost structure of the three
 * strategies out. No strings, no provenance, a few small typed arrays: the
 * sensitivity analysis calls it a few dozen times per plan.
 */
import { cellFacts, tierFacts, type CellFacts, type TierFacts } from "./cells";
import { shipDecisions, type ShipDecision } from "./hybrid";
import type { PlanModel, StrategyName } from "./model";
import {
  edgeOnlyTargets,
  hybridTargets,
  hybridTcoUsd,
  routeCloudOnly,
  routeEdgeOnly,
  routeHybrid,
  strategyCost,
  type StrategyCost,
  type StrategyRouting,
} from "./strategies";
import { trafficSeries, trafficTotals, type TrafficInput, type TrafficSeries, type TrafficTotals } from "./traffic";

export interface Evaluation {
  model: PlanModel;
  traffic: TrafficSeries;
  tiers: TierFacts;
  cells: CellFacts;
  ship: ShipDecision[];
  routing: Record<StrategyName, StrategyRouting>;
  cost: Record<StrategyName, StrategyCost>;
}

/**
 * `traffic` and `tiers` may be passed in when the caller knows the model's traffic
 * inputs (or, for `tiers`, its tokens and prices) are those they were computed from.
 */
export function evaluate(
  model: PlanModel,
  traffic: TrafficSeries = trafficOf(model),
  tiers: TierFacts = tierFacts(model),
): Evaluation {
  const cells = cellFacts(model, tiers);
  const ship = shipDecisions(model, traffic, tiers, cells);
  const routing = {
    cloudOnly: routeCloudOnly(model, cells.tierCount),
    edgeOnly: routeEdgeOnly(model, cells),
    hybrid: routeHybrid(model, cells, ship),
  };
  const cost = {
    cloudOnly: strategyCost(model, traffic, tiers, routing.cloudOnly),
    edgeOnly: strategyCost(model, traffic, tiers, routing.edgeOnly),
    hybrid: strategyCost(model, traffic, tiers, routing.hybrid),
  };
  return { model, traffic, tiers, cells, ship, routing, cost };
}

export function trafficOf(model: PlanModel): TrafficSeries {
  return trafficSeries(trafficInput(model));
}

function trafficInput(model: PlanModel): TrafficInput {
  return {
    horizonMonths: model.horizonMonths,
    requestsPerUserPerDay: model.requestsPerUserPerDay,
    activeDaysPerMonth: model.activeDaysPerMonth,
    monthlyGrowthPct: model.monthlyGrowthPct,
    priceChangePctPerYear: model.priceChangePctPerYear,
  };
}

/** What a re-evaluation may reuse from the base one: each only when the moved input does not feed it. */
export interface Reuse {
  /** Valid unless the horizon, requests per user, active days, growth or price trend moved. */
  traffic?: TrafficTotals;
  /** Valid unless tokens, prices or the cloud's speed moved. */
  tiers?: TierFacts;
  /** Valid unless the tiers or anything cellFacts reads moved (speeds, power, battery, budget, quality, requests per user). */
  cells?: CellFacts;
  /** Where to write the cells when they are recomputed (overwritten by the next call). */
  scratch?: CellFacts;
  /** Where to write the tier costs when they are recomputed (overwritten by the next call). */
  tierScratch?: TierFacts;
}

/**
 * Only what the tornado needs: the hybrid's savings against cloud-only. Cloud-only
 * has no routing to decide (everything on the cloud), and edge-only plays no part.
 */
export function hybridSavingsUsd(model: PlanModel, reuse: Reuse = {}): number {
  const traffic = reuse.traffic ?? trafficTotals(trafficInput(model));
  const tiers = reuse.tiers ?? tierFacts(model, reuse.tierScratch);
  const cells = reuse.cells ?? cellFacts(model, tiers, reuse.scratch);
  return cloudOnlyTcoUsd(model, traffic, tiers) - hybridTcoUsd(model, traffic, tiers, cells);
}

/** Cloud-only TCO as the tornado computes it (Σ_t share_t·cost_t per request; every request on the cloud). */
export function cloudOnlyTcoUsd(model: PlanModel, traffic: TrafficTotals, tiers: TierFacts): number {
  let cloudUsdPerRequest = 0;
  for (let t = 0; t < model.tierShare.length; t++) {
    cloudUsdPerRequest += (model.tierShare[t] ?? 0) * (tiers.cloudUsdPerRequest[t] ?? 0);
  }
  return (
    model.setupUsd.cloudOnly +
    model.horizonMonths * model.monthlyInfraUsd.cloudOnly +
    model.monthlyActiveUsers * cloudUsdPerRequest * traffic.priceWeightedRequestsPerMau
  );
}

/** What the ranges read of an evaluation: each strategy's TCO and feasibility, and the cells. */
export interface MovedEvaluation {
  cells: CellFacts;
  cost: Record<StrategyName, Pick<StrategyCost, "tcoUsd" | "feasible">>;
}

/**
 * The base evaluation with only the devices' figures moved (speeds, power): the
 * traffic, tier costs and cloud-only cost are the base's, and no routing reasons are
 * built. The range ends and their bisection call it up to a few dozen times per plan.
 * `into`: where to write the cells (the result's cells are those).
 */
export function evaluateDevicesMoved(model: PlanModel, base: Evaluation, into?: CellFacts): MovedEvaluation {
  const { traffic, tiers } = base;
  const cells = cellFacts(model, tiers, into);
  return {
    cells,
    cost: {
      cloudOnly: base.cost.cloudOnly,
      edgeOnly: strategyCost(model, traffic, tiers, edgeOnlyTargets(model, cells)),
      hybrid: strategyCost(model, traffic, tiers, hybridTargets(model, cells, shipDecisions(model, traffic, tiers, cells))),
    },
  };
}

/**
 * evaluateDevicesMoved's costs alone, its cells written into `scratch` and the
 * hybrid's TCO fused (hybridTcoUsd, the same number): for the range bisection, which reads
 * which strategy wins (chooseStrategy), so an infeasible edge-only's TCO may be the base's.
 */
export function costsWithDevicesMoved(
  model: PlanModel,
  base: Evaluation,
  scratch: CellFacts,
): MovedEvaluation["cost"] {
  const { traffic, tiers } = base;
  const cells = cellFacts(model, tiers, scratch);
  return {
    cloudOnly: base.cost.cloudOnly,
    // Requests edge-only leaves unserved (classes that cannot run the model, "other" users) stay
    // unserved whatever the devices' speeds: it is infeasible at every move, as at the base.
    edgeOnly: base.cost.edgeOnly.unservedShare > 0 ? base.cost.edgeOnly : strategyCost(model, traffic, tiers, edgeOnlyTargets(model, cells)),
    hybrid: { feasible: true, tcoUsd: hybridTcoUsd(model, traffic, tiers, cells) },
  };
}
