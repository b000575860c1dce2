/**
 * The recommendation: the feasible strategy of least TCO, cloud-only on a tie
 * (then hybrid before edge-only: the simpler build wins when costs are equal),
 * with the mix, the savings, the constraint that binds and the reasons in words.
 */
import { sameCost } from "./break-even";
import type { DerivedScenario } from "./derive";
import type { Evaluation } from "./evaluate";
import type { BlockCode, StrategyName } from "./model";
import type { MixEntry, Recommendation, StrategyPlan } from "./plan-types";
import { zeros } from "./arrays";
import { lazyProperty, withLazy } from "./lazy";
import { cellDeviceId, reportedCellCount, TARGETS } from "./report-cells";
import { cellShare, TARGET_EDGE } from "./strategies";
import { BLOCK_LABELS, STRATEGY_LABELS } from "./labels";
import { pct, usd } from "./text";

/** Preference on a tie, in order. */
const TIE_ORDER: readonly StrategyName[] = ["cloudOnly", "hybrid", "edgeOnly"];

export function chooseStrategy(strategies: Record<StrategyName, Pick<StrategyPlan, "feasible" | "tcoUsd">>): StrategyName {
  let best: StrategyName = "cloudOnly";
  for (const name of TIE_ORDER) {
    const s = strategies[name];
    if (!s.feasible) continue;
    const current = strategies[best];
    if (!current.feasible || (s.tcoUsd < current.tcoUsd && !sameCost(s.tcoUsd, current.tcoUsd))) best = name;
  }
  return best;
}

/** What keeps the largest share of requests off the edge in the hybrid (its reported cells, in order). */
export function bindingConstraint(evaluation: Evaluation): BlockCode | null {
  const { model } = evaluation;
  const blockedBy = evaluation.routing.hybrid.blockedBy;
  const T = evaluation.cells.tierCount;
  const n = reportedCellCount(model, T);
  const shares = new Map<BlockCode, number>();
  for (let i = 0; i < n; i++) {
    const code = blockedBy[i] ?? null;
    const requestShare = cellShare(model, T, i);
    if (code === null || requestShare <= 0) continue;
    shares.set(code, (shares.get(code) ?? 0) + requestShare);
  }
  let best: BlockCode | null = null;
  let bestShare = 0;
  for (const [code, share] of shares) {
    if (share > bestShare) {
      best = code;
      bestShare = share;
    }
  }
  return best;
}

/**
 * `warnings` and `extraReason` (the ranges' statement, the last reason) are called when the
 * reasons or the warnings are first read: the words are built for a reader, not for every plan
 * of a batch that reads the totals.
 */
export function recommend(
  derived: DerivedScenario,
  evaluation: Evaluation,
  strategies: Record<StrategyName, StrategyPlan>,
  warningsOf: () => string[],
  extraReason: string | null,
): Recommendation {
  const { scenario } = derived.resolved;
  const { model } = evaluation;
  const name = chooseStrategy(strategies);
  const chosen = strategies[name];
  const cloud = strategies.cloudOnly;
  const hybrid = strategies.hybrid;
  const savingsUsd = cloud.tcoUsd - chosen.tcoUsd;
  const savingsVsCloudOnlyPct = cloud.tcoUsd > 0 ? (savingsUsd / cloud.tcoUsd) * 100 : 0;

  let binding = bindingConstraint(evaluation);
  if (name === "cloudOnly" && hybrid.edgeShare > 0 && hybrid.tcoUsd > cloud.tcoUsd) binding = "fixed_costs";

  // Summed per tier and per row of cells, in the cells' order, and written into the objects
  // once: keyed writes to a plain object, once per cell, were most of this function's time.
  // Tier ids and device keys are unique, and no class is keyed "other" (scenario schema), so
  // each id is one index. The chosen strategy's cells are read from its routing.
  const target = evaluation.routing[name].target;
  const T = evaluation.cells.tierCount;
  const n = reportedCellCount(model, T);
  const rows = T > 0 ? n / T : 0;
  const edgeByTier = zeros(T);
  const mix: MixEntry[] = [];
  const edgeShareByDevice: Record<string, number> = {};
  for (let d = 0; d < rows; d++) {
    const deviceId = cellDeviceId(model, T, d * T);
    let deviceShare = 0;
    let deviceEdge = 0;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      const requestShare = cellShare(model, T, i);
      const onEdge = target[i] === TARGET_EDGE;
      mix.push({ tierId: scenario.tiers[t]!.id, deviceId, target: TARGETS[target[i]!]!, requestShare });
      deviceShare += requestShare;
      if (onEdge) {
        edgeByTier[t] = edgeByTier[t]! + requestShare;
        deviceEdge += requestShare;
      }
    }
    // Cell shares are share_t·share_d; divide to get shares within a tier or a class.
    edgeShareByDevice[deviceId] = deviceShare > 0 ? deviceEdge / deviceShare : 0;
  }
  const edgeShareByTier: Record<string, number> = {};
  if (rows > 0) {
    for (let t = 0; t < T; t++) {
      const tier = scenario.tiers[t]!;
      edgeShareByTier[tier.id] = tier.share > 0 ? edgeByTier[t]! / tier.share : 0;
    }
  }

  const recommendation = {
    strategy: name,
    tcoUsd: chosen.tcoUsd,
    cloudOnlyTcoUsd: cloud.tcoUsd,
    savingsUsd,
    savingsVsCloudOnlyPct,
    breakEvenMonth: chosen.breakEvenMonth,
    edgeShare: chosen.edgeShare,
    mix,
    edgeShareByTier,
    edgeShareByDevice,
    bindingConstraint: binding,
  } as Recommendation;
  const parts: RecommendationParts = { name, strategies, evaluation, binding, derived, warningsOf, extraReason };
  return withLazy(recommendation, parts, RECOMMENDATION_PARTS);
}

interface RecommendationParts {
  name: StrategyName;
  strategies: Record<StrategyName, StrategyPlan>;
  evaluation: Evaluation;
  binding: BlockCode | null;
  derived: DerivedScenario;
  warningsOf: () => string[];
  extraReason: string | null;
}

const RECOMMENDATION_PARTS = [
  [
    "reasons",
    lazyProperty((p: RecommendationParts) => {
      const reasons = reasonsFor(p.name, p.strategies, p.evaluation, p.binding, p.derived);
      if (p.extraReason !== null) reasons.push(p.extraReason);
      return reasons;
    }),
  ],
  ["warnings", lazyProperty((p: RecommendationParts) => p.warningsOf())],
] as const;

function reasonsFor(
  name: StrategyName,
  strategies: Record<StrategyName, StrategyPlan>,
  evaluation: Evaluation,
  binding: BlockCode | null,
  derived: DerivedScenario,
): string[] {
  const h = evaluation.model.horizonMonths;
  const chosen = strategies[name];
  const cloud = strategies.cloudOnly;
  const reasons: string[] = [];
  const feasible = (Object.keys(strategies) as StrategyName[]).filter((s) => strategies[s].feasible);
  reasons.push(
    `${STRATEGY_LABELS[name]} has the lowest ${h}-month TCO of the feasible strategies (${feasible.map((s) => STRATEGY_LABELS[s].toLowerCase()).join(", ")}): ${usd(chosen.tcoUsd)}` +
      (name === "cloudOnly" ? "." : ` against ${usd(cloud.tcoUsd)} for cloud-only.`),
  );
  if (name !== "cloudOnly") {
    const names = chosen.shippedDeviceIds
      .map((id) => derived.devices.find((d) => d.resolved.key === id)?.resolved.name ?? id)
      .join(", ");
    reasons.push(`The edge serves ${pct(chosen.edgeShare)} of requests; the model ships to ${names || "no device class"}.`);
    reasons.push(
      chosen.breakEvenMonth === null
        ? `It does not pay back against cloud-only within ${h} months.`
        : `It pays back against cloud-only in month ${chosen.breakEvenMonth}.`,
    );
  } else {
    for (const other of ["hybrid", "edgeOnly"] as const) {
      const s = strategies[other];
      if (s.feasible && sameCostOrMore(s.tcoUsd, cloud.tcoUsd)) {
        reasons.push(`${STRATEGY_LABELS[other]} would cost ${usd(s.tcoUsd)}${s.edgeShare === 0 ? " with nothing on the edge" : ""}.`);
      }
    }
  }
  if (!strategies.edgeOnly.feasible && strategies.edgeOnly.infeasibleReasons.length > 0) {
    reasons.push(`Edge-only is infeasible: ${strategies.edgeOnly.infeasibleReasons.slice(0, 3).join("; ")}.`);
  }
  if (binding !== null) {
    // The hybrid's reported cells blocked by it, summed in their order.
    const { model } = evaluation;
    const blockedBy = evaluation.routing.hybrid.blockedBy;
    const T = evaluation.cells.tierCount;
    const n = reportedCellCount(model, T);
    let offEdge = 0;
    for (let i = 0; i < n; i++) if ((blockedBy[i] ?? null) === binding) offEdge += cellShare(model, T, i);
    reasons.push(
      binding === "fixed_costs"
        ? `What binds: ${BLOCK_LABELS[binding]} exceed what the edge saves.`
        : `What keeps most requests off the edge: ${BLOCK_LABELS[binding]} (${pct(offEdge)} of requests).`,
    );
  }
  return reasons;
}

function sameCostOrMore(a: number, b: number): boolean {
  return a >= b || sameCost(a, b);
}
