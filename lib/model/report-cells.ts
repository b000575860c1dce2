/**
 * The cells of a strategy as the contract reports them: target, latency and a
 * reason in words. Built when a reader first reads a strategy's cells (plan.ts): what the
 * plan itself reads of them (shares, targets, blocks, violations) it reads from the routing
 * arrays, through the helpers below, in the cells' order.
 */
import type { DerivedScenario } from "./derive";
import type { Evaluation } from "./evaluate";
import type { BlockCode, PlanModel, StrategyName } from "./model";
import type { CellPlan, CellTarget } from "./plan-types";
import {
  cellShare,
  TARGET_EDGE,
  TARGET_UNSERVED,
  VIOLATES_BATTERY,
  VIOLATES_LATENCY,
  VIOLATES_QUALITY,
} from "./strategies";
import { ms, sig, usd } from "./text";

export const OTHER_DEVICE_ID = "other";

export const TARGETS: CellTarget[] = ["cloud", "edge", "unserved"];

/** How many cells a strategy reports: a row per device class, and the "other" users' row when they have a share. */
export function reportedCellCount(model: PlanModel, T: number): number {
  return (model.otherShare > 0 ? model.devices.length + 1 : model.devices.length) * T;
}

/** The device id of reported cell i (row d < D a class, row D the "other" users). */
export function cellDeviceId(model: PlanModel, T: number, i: number): string {
  const d = Math.floor(i / T);
  return d < model.devices.length ? model.devices[d]!.key : OTHER_DEVICE_ID;
}

/** CellPlan's violations of reported cell i, from the routing's bits. */
export function cellViolations(bits: number): CellPlan["violations"] {
  const violations: CellPlan["violations"] = [];
  if (bits & VIOLATES_QUALITY) violations.push("quality");
  if (bits & VIOLATES_LATENCY) violations.push("latency");
  if (bits & VIOLATES_BATTERY) violations.push("battery");
  return violations;
}

export function strategyCells(derived: DerivedScenario, evaluation: Evaluation, name: StrategyName): CellPlan[] {
  const { model, cells, tiers, routing } = evaluation;
  const route = routing[name];
  const scenarioTiers = derived.resolved.scenario.tiers;
  const T = scenarioTiers.length;
  const D = model.devices.length;
  const rows = model.otherShare > 0 ? D + 1 : D;
  const out: CellPlan[] = [];
  // A class's distribution reason and decode speed are the same for each of its tiers: written once per class.
  const reasons: Reasons = { distribution: [], decode: [] };
  for (let d = 0; d < rows; d++) {
    const deviceId = d < D ? model.devices[d]!.key : OTHER_DEVICE_ID;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      const target = TARGETS[route.target[i]!]!;
      const onEdge = route.target[i] === TARGET_EDGE;
      const violations = cellViolations(route.violations[i]!);
      out.push({
        tierId: scenarioTiers[t]!.id,
        deviceId,
        target,
        latencyMs: onEdge
          ? cells.burstLatencyMs[i]!
          : route.target[i] === TARGET_UNSERVED
            ? null
            : tiers.cloudLatencyMs[t]!,
        sustainedLatencyMs: onEdge ? cells.sustainedLatencyMs[i]! : null,
        reason: cellReason(derived, evaluation, name, d, t, route.blockedBy[i] ?? null, violations, reasons),
        blockedBy: route.blockedBy[i] ?? null,
        violations,
        requestShare: cellShare(model, T, i),
      });
    }
  }
  return out;
}

function cellReason(
  derived: DerivedScenario,
  evaluation: Evaluation,
  name: StrategyName,
  d: number,
  t: number,
  blockedBy: BlockCode | null,
  violations: CellPlan["violations"],
  reasons: Reasons,
): string {
  const { model, cells } = evaluation;
  const i = d * cells.tierCount + t;
  if (d === model.devices.length) {
    return name === "edgeOnly"
      ? "unserved: these users' phones are not among the device classes that run the model"
      : "cloud: these users' phones are not among the device classes that run the model";
  }
  if (name === "cloudOnly") return "cloud: the cloud-only strategy sends every request to the cloud";
  if (blockedBy === null) {
    const decode = (reasons.decode[d] ??= sig(model.devices[d]!.decodeTokensPerSec));
    const base = `edge: ${ms(cells.burstLatencyMs[i]!)} at ${decode} tokens/s`;
    if (violations.length === 0) return `${base}, meets every constraint`;
    return `${base}, violates ${violations.map((v) => violationText(evaluation, derived, d, t, v)).join("; ")}`;
  }
  const prefix = name === "edgeOnly" ? "unserved" : "cloud";
  if (blockedBy === "distribution") {
    return (reasons.distribution[d] ??= `${prefix}: ${blockText(derived, evaluation, d, t, blockedBy)}`);
  }
  return `${prefix}: ${blockText(derived, evaluation, d, t, blockedBy)}`;
}

/** Reasons that do not depend on the tier, per device class, within one strategy's cells. */
interface Reasons {
  distribution: (string | undefined)[];
  decode: (string | undefined)[];
}

function blockText(derived: DerivedScenario, evaluation: Evaluation, d: number, t: number, code: BlockCode): string {
  const { model, cells, ship } = evaluation;
  const device = derived.devices[d]!;
  const i = d * cells.tierCount + t;
  switch (code) {
    case "variant":
      return "the edge model's file size is unknown";
    case "memory":
      return `the model does not fit: ${device.capability.reason ?? "memory unknown"}`;
    case "speed":
      return device.speed.reason ?? "no speed figure";
    case "quality":
      return qualityText(derived, model.tierMinQuality[t] ?? 0);
    case "latency":
      return `edge latency ${ms(cells.burstLatencyMs[i]!)} exceeds the ${ms(model.latencyBudgetMs ?? 0)} budget`;
    case "battery":
      return `moved off the edge to keep battery use within ${model.maxBatteryPctPerUserDay}% per user-day`;
    case "distribution": {
      const decision = ship[d]!;
      const mau = model.monthlyActiveUsers;
      return `shipping the model to ${device.resolved.name} costs ${usd(decision.distributionUsdPerMau * mau)} over ${model.horizonMonths} months, not less than the ${usd(decision.savingsUsdPerMau * mau)} of cloud cost its tiers would save`;
    }
    case "coverage":
      return "these users' phones run no edge model";
    case "fixed_costs":
      return "the hybrid's fixed costs outweigh its savings";
  }
}

function violationText(
  evaluation: Evaluation,
  derived: DerivedScenario,
  d: number,
  t: number,
  v: CellPlan["violations"][number],
): string {
  const { model, cells } = evaluation;
  const i = d * cells.tierCount + t;
  if (v === "quality") {
    const { variant, scenario } = derived.resolved;
    const min = model.tierMinQuality[t] ?? 0;
    return variant.quality === null
      ? `quality (no ${scenario.qualityMetric} score, needs ${min})`
      : `quality (${variant.quality.value} < ${min} on ${scenario.qualityMetric})`;
  }
  if (v === "latency") return `latency (${ms(cells.burstLatencyMs[i]!)} > ${ms(model.latencyBudgetMs ?? 0)})`;
  const pct = cells.fullEdgeBatteryPct[d] ?? 0;
  return `battery (${sig(pct)}% per user-day > ${model.maxBatteryPctPerUserDay}%)`;
}

function qualityText(derived: DerivedScenario, minQuality: number): string {
  const { scenario, variant } = derived.resolved;
  const metric = scenario.qualityMetric;
  return variant.quality === null
    ? `the edge model's ${metric} score is unknown and the tier needs ${minQuality}`
    : `the edge model scores ${variant.quality.value} on ${metric}, below the tier's minimum ${minQuality}`;
}
