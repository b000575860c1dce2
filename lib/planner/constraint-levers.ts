/**
 * The limits a scenario sets on the edge, named with their values and one change
 * each, and what the answer would be after that change. A limit the plan says
 * binds (recommendation.bindingConstraint) is marked, so the card can say which
 * default decides the answer and offer to lift it in one click.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { formatMs, formatPct, formatUsd } from "@/lib/format/numbers";
import { planScenario, type BlockCode, type Plan } from "@/lib/model";
import { STRATEGY_LABELS } from "@/lib/plan-view/labels";
import type { Scenario } from "@/lib/schemas/scenario";
import { latencyTargetWords } from "./latency-target";

export interface ConstraintLever {
  id: "latency" | "battery" | "quality" | "memory";
  /** "Latency budget: 8,000 ms for the whole response". */
  text: string;
  /** The plan says this limit keeps the most requests off the edge. */
  binds: boolean;
  /** "Remove the budget". */
  changeLabel: string;
  change: (scenario: Scenario) => Scenario;
  /** The answer after the change, when it differs ("Hybrid, saves $883K"); null when it stays. */
  outcome: string | null;
}

const BLOCK_OF: Record<ConstraintLever["id"], BlockCode> = {
  latency: "latency",
  battery: "battery",
  quality: "quality",
  memory: "memory",
};

function withConstraints(scenario: Scenario, patch: Partial<Scenario["constraints"]>): Scenario {
  return { ...scenario, constraints: { ...scenario.constraints, ...patch } };
}

function outcomeOf(before: Plan, scenario: Scenario, data: DatasetSnapshot): string | null {
  let after: Plan;
  try {
    after = planScenario(scenario, data, { tornado: false });
  } catch {
    return null;
  }
  const a = after.recommendation;
  const b = before.recommendation;
  if (a.strategy === b.strategy && Math.abs(a.savingsUsd - b.savingsUsd) < 0.5) return null;
  return a.strategy === "cloudOnly"
    ? `${STRATEGY_LABELS.cloudOnly}`
    : `${STRATEGY_LABELS[a.strategy]}, saves ${formatUsd(a.savingsUsd)}`;
}

export function constraintLevers(scenario: Scenario, plan: Plan, data: DatasetSnapshot): ConstraintLever[] {
  const { constraints } = scenario;
  const candidates: Omit<ConstraintLever, "binds" | "outcome">[] = [];
  if (constraints.latencyBudgetMs !== null) {
    candidates.push({
      id: "latency",
      text: `Latency budget: ${formatMs(constraints.latencyBudgetMs)} for ${latencyTargetWords(scenario)}`,
      changeLabel: "Remove the budget",
      change: (s) => withConstraints(s, { latencyBudgetMs: null }),
    });
  }
  if (constraints.maxBatteryPctPerUserDay !== null) {
    candidates.push({
      id: "battery",
      text: `Battery cap: ${formatPct(constraints.maxBatteryPctPerUserDay)} of a charge per user-day`,
      changeLabel: "Remove the cap",
      change: (s) => withConstraints(s, { maxBatteryPctPerUserDay: null }),
    });
  }
  const demanding = scenario.tiers.filter((t) => t.minQuality > 0);
  if (demanding.length > 0) {
    candidates.push({
      id: "quality",
      text: `Minimum quality: ${demanding.map((t) => `${t.id} ${formatPct(t.minQuality)}`).join(", ")} on ${scenario.qualityMetric}`,
      changeLabel: "Accept any quality",
      change: (s) => ({ ...s, tiers: s.tiers.map((t) => ({ ...t, minQuality: 0 })) }),
    });
  }
  if (plan.recommendation.bindingConstraint === "memory" && constraints.usableRamFraction < 0.7) {
    candidates.push({
      id: "memory",
      text: `Usable memory: ${formatPct(constraints.usableRamFraction * 100)} of a phone's RAM`,
      changeLabel: "Allow 70%",
      change: (s) => withConstraints(s, { usableRamFraction: 0.7 }),
    });
  }
  return candidates.map((c) => ({
    ...c,
    binds: plan.recommendation.bindingConstraint === BLOCK_OF[c.id],
    outcome: outcomeOf(plan, c.change(scenario), data),
  }));
}
