/**
 * How far the plan moves when the edge estimates are off by as much as such
 * estimates are off against measured runs (the residuals of learned-speed.ts).
 *
 * Each device class whose decode or prefill speed (or power) is an estimate with a
 * range is moved to the slow end (decode and prefill at their low, power at its high)
 * and to the fast end (the opposite) together; figures from runs stay. The plan is re-evaluated at both
 * ends (numbers only), and when the recommended strategy changes at an end, the
 * point where it changes is found by bisection along the same path:
 *
 *   speed_d(u) = speed_d · (end_d / speed_d)^u,  u ∈ [0, 1]
 *
 * reported as "phones k× slower (or faster) than estimated", k the largest
 * speed_d / speed_d(u) over the classes.
 */
import type { DerivedScenario } from "./derive";
import { emptyCellFacts, type CellFacts } from "./cells";
import { costsWithDevicesMoved, evaluateDevicesMoved, type Evaluation, type MovedEvaluation } from "./evaluate";
import type { DeviceModel, PlanModel, StrategyName } from "./model";
import { STRATEGIES } from "./model";
import type { Range } from "./speed";
import { STRATEGY_LABELS } from "./labels";
import { chooseStrategy } from "./recommendation";
import { fixed } from "./text";

export type RangeEnd = "slow" | "fast";

export interface RecommendationRange {
  strategy: StrategyName;
  /** The strategy recommended with every estimate at its slow and its fast end. */
  atSlowEnd: StrategyName;
  atFastEnd: StrategyName;
  /** True when the same strategy wins across the whole range. */
  holds: boolean;
  /** Where it stops holding: how much slower (or faster) than estimated the phones are then; null when it holds. */
  flipsAt: { direction: "slower" | "faster"; factor: number; strategy: StrategyName } | null;
  statement: string;
}

export interface DeviceRange {
  deviceId: string;
  tiers: { tierId: string; latencyMs: Range; ttftMs: Range }[];
  batteryPctPerUserDay: Range | null;
}

export interface PlanRanges {
  strategies: Record<StrategyName, { tcoUsd: Range; savingsVsCloudOnlyUsd: Range }>;
  devices: DeviceRange[];
  recommendation: RecommendationRange;
}

interface Ends {
  decode: Range;
  msPerInputToken: Range;
  powerW: Range;
}

/** Per class, the slow and fast ends of its speed figures; null when nothing of it has a range. */
function endsOf(derived: DerivedScenario, model: PlanModel): (Ends | null)[] {
  return model.devices.map((m, d) => {
    const speed = derived.devices[d]!.speed;
    if (m.notReady !== null || (!speed.decodeRange && !speed.prefillRange && !speed.powerRange)) return null;
    const decode = speed.decodeRange ?? { low: m.decodeTokensPerSec, high: m.decodeTokensPerSec };
    const msPerInputToken =
      speed.prefillRange && m.msPerInputToken > 0
        ? { low: 1000 / speed.prefillRange.high, high: 1000 / speed.prefillRange.low }
        : { low: m.msPerInputToken, high: m.msPerInputToken };
    const powerW = speed.powerRange ?? { low: m.powerW, high: m.powerW };
    return { decode, msPerInputToken, powerW };
  });
}

/**
 * The model with every ranged class moved a fraction `u` of the way to one end, written
 * into `into` (a copy of the model with devices of its own, devicesCopy), which each
 * caller consumes before the next call: the other classes stay as the copy has them.
 */
function moved(model: PlanModel, ends: readonly (Ends | null)[], end: RangeEnd, u: number, into: PlanModel): PlanModel {
  for (let d = 0; d < model.devices.length; d++) {
    const e = ends[d];
    if (!e) continue;
    const m = model.devices[d]!;
    const to = into.devices[d]!;
    const decodeEnd = end === "slow" ? e.decode.low : e.decode.high;
    const msEnd = end === "slow" ? e.msPerInputToken.high : e.msPerInputToken.low;
    // The slow end draws the most power too: the pessimistic case for the battery.
    const powerEnd = end === "slow" ? e.powerW.high : e.powerW.low;
    to.powerW = m.powerW > 0 ? m.powerW * (powerEnd / m.powerW) ** u : m.powerW;
    to.decodeTokensPerSec = m.decodeTokensPerSec * (decodeEnd / m.decodeTokensPerSec) ** u;
    to.msPerInputToken = m.msPerInputToken > 0 ? m.msPerInputToken * (msEnd / m.msPerInputToken) ** u : 0;
  }
  return into;
}

function devicesCopy(model: PlanModel): PlanModel {
  return { ...model, devices: model.devices.map((d): DeviceModel => ({ ...d })) };
}

function recommended(evaluation: MovedEvaluation): StrategyName {
  return chooseStrategy(evaluation.cost);
}

/** How many times slower (or faster) than estimated the phones are at `u`. */
function speedFactor(model: PlanModel, ends: readonly (Ends | null)[], end: RangeEnd, u: number): number {
  let factor = 1;
  model.devices.forEach((m, d) => {
    const e = ends[d];
    if (!e) return;
    const decodeEnd = end === "slow" ? e.decode.low : e.decode.high;
    const ratio = (decodeEnd / m.decodeTokensPerSec) ** u;
    factor = Math.max(factor, end === "slow" ? 1 / ratio : ratio);
  });
  return factor;
}

const BISECTION_STEPS = 30;

/** The strategy recommended with the ranged classes moved `u` of the way to an end: only devices move, so traffic, tiers and cloud-only are the base's. */
function recommendedAt(
  base: Evaluation,
  ends: readonly (Ends | null)[],
  end: RangeEnd,
  u: number,
  scratch: CellFacts,
  into: PlanModel,
): StrategyName {
  return chooseStrategy(costsWithDevicesMoved(moved(base.model, ends, end, u, into), base, scratch));
}

function flipPoint(
  base: Evaluation,
  ends: readonly (Ends | null)[],
  end: RangeEnd,
  strategy: StrategyName,
  scratch: CellFacts,
  into: PlanModel,
): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (recommendedAt(base, ends, end, mid, scratch, into) === strategy) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Low and high of the base and the two ends. */
const range = (a: number, b: number, c: number): Range => ({ low: Math.min(a, b, c), high: Math.max(a, b, c) });

/** null when no figure the plan uses has a range (every class planned from runs, or none plannable). */
export function planRanges(derived: DerivedScenario, evaluation: Evaluation): PlanRanges | null {
  const model = evaluation.model;
  const ends = endsOf(derived, model);
  if (ends.every((e) => e === null)) return null;
  // One moved model for every evaluation below: each is consumed before the next move.
  const into = devicesCopy(model);
  const T = evaluation.cells.tierCount;
  const D = model.devices.length;
  const slow = evaluateDevicesMoved(moved(model, ends, "slow", 1, into), evaluation, emptyCellFacts(T, D, true));
  const fast = evaluateDevicesMoved(moved(model, ends, "fast", 1, into), evaluation, emptyCellFacts(T, D, true));

  const strategies = {} as PlanRanges["strategies"];
  const savingsOf = (e: MovedEvaluation, name: StrategyName) => e.cost.cloudOnly.tcoUsd - e.cost[name].tcoUsd;
  for (const name of STRATEGIES) {
    strategies[name] = {
      tcoUsd: range(evaluation.cost[name].tcoUsd, slow.cost[name].tcoUsd, fast.cost[name].tcoUsd),
      savingsVsCloudOnlyUsd: range(savingsOf(evaluation, name), savingsOf(slow, name), savingsOf(fast, name)),
    };
  }

  const devices: DeviceRange[] = model.devices.flatMap((m, d) => {
    if (!ends[d]) return [];
    const tiers = derived.resolved.scenario.tiers.map((tier, t) => {
      const i = d * T + t;
      return {
        tierId: tier.id,
        latencyMs: range(evaluation.cells.burstLatencyMs[i]!, slow.cells.burstLatencyMs[i]!, fast.cells.burstLatencyMs[i]!),
        ttftMs: range(evaluation.cells.ttftMs[i]!, slow.cells.ttftMs[i]!, fast.cells.ttftMs[i]!),
      };
    });
    const [b0, b1, b2] = [evaluation, slow, fast].map((e) => e.cells.fullEdgeBatteryPct[d] ?? null);
    return [
      {
        deviceId: m.key,
        tiers,
        batteryPctPerUserDay: b0 == null || b1 == null || b2 == null ? null : range(b0, b1, b2),
      },
    ];
  });

  const strategy = recommended(evaluation);
  const atSlowEnd = recommended(slow);
  const atFastEnd = recommended(fast);
  let flipsAt: RecommendationRange["flipsAt"] = null;
  for (const end of ["slow", "fast"] as const) {
    const other = end === "slow" ? atSlowEnd : atFastEnd;
    if (other === strategy) continue;
    // One set of cells for every bisection step: each is consumed before the next.
    const scratch = emptyCellFacts(evaluation.cells.tierCount, model.devices.length, true);
    const u = flipPoint(evaluation, ends, end, strategy, scratch, into);
    const candidate = {
      direction: end === "slow" ? ("slower" as const) : ("faster" as const),
      factor: speedFactor(model, ends, end, u),
      strategy: recommendedAt(evaluation, ends, end, u, scratch, into),
    };
    if (!flipsAt || candidate.factor < flipsAt.factor) flipsAt = candidate;
  }
  const slowest = speedFactor(model, ends, "slow", 1);
  const fastest = speedFactor(model, ends, "fast", 1);
  const label = STRATEGY_LABELS[strategy];
  const speedRanged = slowest > 1 || fastest > 1;
  let statement: string;
  if (flipsAt && flipsAt.factor > 1) {
    statement = `${label} wins unless phones run ${fixed(flipsAt.factor, 2)}× ${flipsAt.direction} than estimated (then ${STRATEGY_LABELS[flipsAt.strategy].toLowerCase()})`;
  } else if (flipsAt) {
    const way = flipsAt.direction === "slower" ? "more" : "less";
    statement = `${label} wins unless phones draw ${way} power than estimated, within its range (then ${STRATEGY_LABELS[flipsAt.strategy].toLowerCase()})`;
  } else if (speedRanged) {
    statement = `${label} wins across the range of the edge estimates (phones ${fixed(slowest, 2)}× slower to ${fixed(fastest, 2)}× faster than estimated)`;
  } else {
    statement = `${label} wins across the range of the edge estimates (power draw from its low to its high)`;
  }
  return {
    strategies,
    devices,
    recommendation: { strategy, atSlowEnd, atFastEnd, holds: flipsAt === null, flipsAt, statement },
  };
}
