/**
 * The engine's entry: a parsed scenario and a dataset snapshot in, the plan out.
 *
 *   resolve (ids → values with provenance) → derive (capability, speed per class)
 *   → model (plain numbers) → evaluate (routings, cost structure) → report.
 *
 * Pure and synchronous: no I/O, no rounding, no NaN or Infinity in the output.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";
import { breakEvenMonth } from "./break-even";
import { deriveScenario, type DerivedScenario } from "./derive";
import { evaluate, type Evaluation } from "./evaluate";
import { planInputs } from "./inputs";
import { attachParts, lazyProperty, withLazy } from "./lazy";
import { buildPlanModel, STRATEGIES, type StrategyName } from "./model";
import { monthlyRows, monthlyTotals, type MonthlyTotals } from "./monthly";
import type { Plan, StrategyPlan, TierPlan } from "./plan-types";
import { planRanges } from "./ranges";
import { recommend } from "./recommendation";
import { batteryEntries, deviceClassPlans, strategyBattery } from "./report-devices";
import { cellDeviceId, cellViolations, OTHER_DEVICE_ID, reportedCellCount, strategyCells } from "./report-cells";
import { cellShare, TARGET_EDGE, TARGET_UNSERVED } from "./strategies";
import { resolveScenario, type ResolvedScenario } from "./resolve";
import { sensitivity } from "./sensitivity";
import { pct } from "./text";
import { planWarnings } from "./warnings";

export interface PlanOptions {
  /** Compute the tornado (a few dozen re-evaluations); default true. */
  tornado?: boolean;
  /** Re-evaluate at both ends of the estimates' ranges (two evaluations, more when the recommendation flips); default true. */
  ranges?: boolean;
}

export function planScenario(scenario: Scenario, data: DatasetSnapshot, options: PlanOptions = {}): Plan {
  return planResolved(resolveScenario(scenario, data), options);
}

export function planResolved(resolved: ResolvedScenario, options: PlanOptions = {}): Plan {
  const derived = deriveScenario(resolved);
  const evaluation = evaluate(buildPlanModel(derived));
  const { scenario } = resolved;

  const totals = {} as Record<StrategyName, MonthlyTotals>;
  for (const name of STRATEGIES) {
    totals[name] = monthlyTotals(
      evaluation.model,
      evaluation.traffic,
      evaluation.cost[name],
      scenario.costs.setupUsd[name],
      scenario.costs.monthlyInfraUsd[name],
    );
  }
  const strategies = {} as Record<StrategyName, StrategyPlan>;
  for (const name of STRATEGIES) {
    strategies[name] = strategyPlan(derived, evaluation, name, totals[name], totals.cloudOnly);
  }

  const tiers: TierPlan[] = scenario.tiers.map((tier, t) => ({
    tierId: tier.id,
    share: tier.share,
    cloudUsdPerRequest: evaluation.tiers.cloudUsdPerRequest[t]!,
    cloudLatencyMs: evaluation.tiers.cloudLatencyMs[t]!,
  }));
  const ranges = options.ranges === false ? null : planRanges(derived, evaluation);
  const recommendation = recommend(
    derived,
    evaluation,
    strategies,
    () => planWarnings(derived, evaluation),
    ranges ? `${ranges.recommendation.statement}.` : null,
  );
  const plan = {
    version: 1,
    scenarioName: scenario.name,
    horizonMonths: scenario.horizonMonths,
    qualityMetric: scenario.qualityMetric,
    strategies,
    recommendation,
    battery: batteryEntries(derived, evaluation),
    devices: deviceClassPlans(derived, evaluation),
    tiers,
    sensitivity: sensitivity(evaluation, options.tornado ?? true),
    ranges,
  } as Plan;
  // Built when first read: every value's provenance, which a batch of plans reading only the totals never looks at.
  return withLazy(plan, derived, PLAN_PARTS);
}

function strategyPlan(
  derived: DerivedScenario,
  evaluation: Evaluation,
  name: StrategyName,
  totals: MonthlyTotals,
  cloudTotals: MonthlyTotals,
): StrategyPlan {
  const cost = evaluation.cost[name];
  const setupUsd = evaluation.model.setupUsd[name];
  const cumulative = totals.cumulativeUsd;
  const tcoUsd = cumulative.length > 0 ? cumulative[cumulative.length - 1]! : setupUsd;
  const totalRequests = totals.totalRequests;
  const plan = {
    strategy: name,
    tcoUsd,
    setupUsd,
    costPer1kRequestsUsd: costPer1k(tcoUsd, totalRequests),
    edgeShare: cost.edgeShare,
    unservedShare: cost.unservedShare,
    feasible: cost.feasible,
  } as StrategyPlan;
  const parts: StrategyParts = { derived, evaluation, name };
  attachParts(plan, parts);
  // Properties written in the contract's order (their order in the JSON).
  if (name === "edgeOnly" && !cost.feasible) Object.defineProperty(plan, "infeasibleReasons", EDGE_ONLY_PROBLEMS);
  else plan.infeasibleReasons = [];
  plan.breakEvenMonth = name === "cloudOnly" ? null : breakEvenMonth(cumulative, cloudTotals.cumulativeUsd);
  plan.totalRequests = totalRequests;
  plan.shippedDeviceIds = evaluation.model.devices.filter((_, d) => evaluation.routing[name].ships[d]).map((d) => d.key);
  plan.meanQuality = meanQuality(derived, evaluation, name);
  Object.defineProperty(plan, "monthly", MONTHLY_ROWS);
  Object.defineProperty(plan, "cells", CELLS);
  plan.battery = strategyBattery(evaluation, name);
  return plan;
}

interface StrategyParts {
  derived: DerivedScenario;
  evaluation: Evaluation;
  name: StrategyName;
}

/**
 * Built when first read (a chart, the table, JSON): the plan itself reads the totals
 * (monthlyTotals) and the routing arrays, not the rows or the cells' words.
 */
const MONTHLY_ROWS = lazyProperty(({ derived, evaluation, name }: StrategyParts) =>
  monthlyRows(
    evaluation.model,
    evaluation.traffic,
    evaluation.cost[name],
    derived.resolved.scenario.costs.setupUsd[name],
    derived.resolved.scenario.costs.monthlyInfraUsd[name],
  ),
);
const CELLS = lazyProperty(({ derived, evaluation, name }: StrategyParts) => strategyCells(derived, evaluation, name));
/** Words, read by the recommendation's reasons (built when read too). */
const EDGE_ONLY_PROBLEMS = lazyProperty(({ derived, evaluation }: StrategyParts) => edgeOnlyProblems(derived, evaluation));

const PLAN_PARTS = [["inputs", lazyProperty((derived: DerivedScenario) => planInputs(derived))]] as const;

/** TCO ÷ Σ requests × 1000; undefined (null) without requests, or when so few that the ratio overflows. */
function costPer1k(tcoUsd: number, totalRequests: number): number | null {
  if (!(totalRequests > 0)) return null;
  const value = (tcoUsd / totalRequests) * 1000;
  return Number.isFinite(value) ? value : null;
}

/** Why edge-only is infeasible, per device class, in words (its cells read from the routing, in the cells' order). */
function edgeOnlyProblems(derived: DerivedScenario, evaluation: Evaluation): string[] {
  const { model } = evaluation;
  const route = evaluation.routing.edgeOnly;
  const T = evaluation.cells.tierCount;
  const n = reportedCellCount(model, T);
  const problems: string[] = [];
  let share = 0;
  let unserved = false;
  const unservedIds = new Set<string>();
  let violated = false;
  for (let i = 0; i < n; i++) {
    const requestShare = cellShare(model, T, i);
    if (!(requestShare > 0)) continue;
    if (route.target[i] === TARGET_UNSERVED) {
      unserved = true;
      share += requestShare;
      unservedIds.add(cellDeviceId(model, T, i));
    }
    if (route.violations[i]) violated = true;
  }
  if (unserved) {
    const who = [...unservedIds].map((id) =>
      id === OTHER_DEVICE_ID ? "other phones" : (derived.devices.find((d) => d.resolved.key === id)?.resolved.name ?? id),
    );
    problems.push(`${pct(share)} of requests unserved (${who.join(", ")})`);
  }
  // Most infeasible edge-only plans violate nothing (they leave requests unserved): skip the per-class search.
  if (!violated) return problems;
  for (const device of derived.devices) {
    const id = device.resolved.key;
    const byKind = new Map<string, string[]>();
    for (let i = 0; i < n; i++) {
      const bits = route.violations[i]!;
      if (bits === 0 || !(cellShare(model, T, i) > 0) || cellDeviceId(model, T, i) !== id) continue;
      const tierId = derived.resolved.scenario.tiers[i % T]!.id;
      for (const v of cellViolations(bits)) byKind.set(v, [...(byKind.get(v) ?? []), tierId]);
    }
    if (byKind.size === 0) continue;
    const parts = [...byKind].map(([kind, tierIds]) => `${kind} (${tierIds.join(", ")})`);
    problems.push(`${device.resolved.name} violates ${parts.join(", ")}`);
  }
  return problems;
}

/** Mean score of served requests on the scenario's metric; null if any served request's model has no score. */
function meanQuality(derived: DerivedScenario, evaluation: Evaluation, name: StrategyName): number | null {
  const edge = derived.resolved.variant.quality?.value ?? null;
  const cloud = derived.resolved.price.quality?.value ?? null;
  const { model } = evaluation;
  const target = evaluation.routing[name].target;
  const T = evaluation.cells.tierCount;
  const n = reportedCellCount(model, T);
  let served = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const requestShare = cellShare(model, T, i);
    if (target[i] === TARGET_UNSERVED || requestShare <= 0) continue;
    const q = target[i] === TARGET_EDGE ? edge : cloud;
    if (q === null) return null;
    served += requestShare;
    weighted += requestShare * q;
  }
  return served > 0 ? weighted / served : null;
}
