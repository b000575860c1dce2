/**
 * The numeric core: PlanModel in, routings and cost structure of the three
 * strategies out. No strings, no provenance, a few small typed arrays: the
 * sensitivity analysis calls it a few dozen times per plan.
 */
import { cellFacts, tierFacts, type CellFacts, type TierFacts } from "./cells";
import { shipDecisions, type ShipDecision } from "./hybrid";
import type { PlanModel, StrategyName } from "./model";
import {
  routeCloudOnly,
  routeEdgeOnly,
  routeHybrid,
  strategyCost,
  type StrategyCost,
  type StrategyRouting,
} from "./strategies";
import { trafficSeries, type TrafficSeries } from "./traffic";

export interface Evaluation {
  model: PlanModel;
  traffic: TrafficSeries;
  tiers: TierFacts;
  cells: CellFacts;
  ship: ShipDecision[];
  routing: Record<StrategyName, StrategyRouting>;
  cost: Record<StrategyName, StrategyCost>;
}

export function evaluate(model: PlanModel, traffic: TrafficSeries = trafficOf(model)): Evaluation {
  const tiers = tierFacts(model);
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
  return trafficSeries({
    horizonMonths: model.horizonMonths,
    requestsPerUserPerDay: model.requestsPerUserPerDay,
    activeDaysPerMonth: model.activeDaysPerMonth,
    monthlyGrowthPct: model.monthlyGrowthPct,
    priceChangePctPerYear: model.priceChangePctPerYear,
  });
}

/**
 * Only what the tornado needs: the hybrid's savings against cloud-only. Cloud-only
 * has no routing to decide (everything on the cloud), and edge-only plays no part.
 */
export function hybridSavingsUsd(model: PlanModel, traffic: TrafficSeries = trafficOf(model)): number {
  const tiers = tierFacts(model);
  const cells = cellFacts(model, tiers);
  const hybrid = strategyCost(model, traffic, tiers, routeHybrid(model, cells, shipDecisions(model, traffic, tiers, cells)));
  let cloudUsdPerRequest = 0;
  for (let t = 0; t < model.tierShare.length; t++) {
    cloudUsdPerRequest += (model.tierShare[t] ?? 0) * (tiers.cloudUsdPerRequest[t] ?? 0);
  }
  const cloudOnlyTco =
    model.setupUsd.cloudOnly +
    model.horizonMonths * model.monthlyInfraUsd.cloudOnly +
    model.monthlyActiveUsers * cloudUsdPerRequest * traffic.priceWeightedRequestsPerMau;
  return cloudOnlyTco - hybrid.tcoUsd;
}
