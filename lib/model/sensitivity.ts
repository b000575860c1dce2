/**
 * Sensitivity of the plan to volume and to each input.
 *
 * Crossover MAU: for a fixed routing every strategy's TCO is `F + MAU·v`
 * (strategies.ts): F = set-up + H·infra, and v = horizon cloud cost per MAU
 * (growth enters as Σ_m (1+g)^(m−1)·requests per user·pf(m)) plus horizon
 * distribution cost per MAU (month-1 downloads by every user plus the monthly
 * share afterwards, also growing with the user base). The hybrid's routing does
 * not depend on MAU (hybrid.ts), so hybrid and cloud-only cost the same at
 *   MAU* = (F_hybrid − F_cloud) / (v_cloud − v_hybrid),
 * a crossover when positive and finite; null otherwise (the lines never meet
 * at a positive volume, e.g. the hybrid ships nothing).
 *
 * Tornado: each input moved ±25 % (within its valid range), the hybrid's savings
 * against cloud-only (TCO_cloudOnly − TCO_hybrid) re-evaluated, bars sorted by swing.
 * Each input says what of the base evaluation it leaves valid (`keeps`), and only the
 * rest is recomputed, with the same arithmetic as a full re-evaluation (so the bars
 * equal it exactly, tests/model/tornado-reuse.test.ts):
 *   - "routing": MAU and the hybrid's set-up enter only TCO = F + MAU·v, the hybrid's
 *     routing and v are the base's (the ship rule does not depend on MAU > 0), so
 *     savings are closed form, no cell or routing recomputed;
 *   - "cells": the per-cell facts stand (shares, CDN, updates, growth, price trend:
 *     cellFacts reads none of them); the ship rule and the hybrid's cost are redone;
 *   - "tiers": the cloud cost per request stands, the cells are redone (speeds, power,
 *     latency budget, battery cap, requests per user);
 *   - "prices": the cloud cost per request moves; the cells read it only through the
 *     battery cap's order, so they stand when no cap is set or when the cap moved no tier
 *     at the base (`capBinds`: no class over it; the prices do not enter that test) (requests per user, a "tiers"
 *     input, likewise: they enter the cells only through the battery, which without a cap
 *     decides nothing the hybrid reads);
 *   - "nothing": tokens move the cloud cost and the edge latency alike.
 * The traffic series is reused unless the input feeds it (`traffic`).
 */
import { emptyCellFacts, emptyTierFacts } from "./cells";
import { cloudOnlyTcoUsd, evaluate, hybridSavingsUsd, type Evaluation, type Reuse } from "./evaluate";
import { OTHER_SHARE_EPSILON, STRATEGIES, type PlanModel, type StrategyName } from "./model";
import { SCENARIO_PARAMS, tornadoRange } from "@/lib/scenario-params/catalogue";

export interface LinearCost {
  fixedUsd: number;
  variableUsdPerMonthlyActiveUser: number;
}

export interface TcoAtVolume {
  monthlyActiveUsers: number;
  cloudOnly: number;
  edgeOnly: number;
  hybrid: number;
}

export interface TornadoBar {
  /** Scenario path of the input, e.g. "traffic.monthlyActiveUsers". */
  input: string;
  label: string;
  baseValue: number;
  lowValue: number;
  highValue: number;
  savingsAtLowUsd: number;
  savingsAtHighUsd: number;
  /** |savingsAtHigh − savingsAtLow|. */
  swingUsd: number;
}

export interface Sensitivity {
  crossoverMonthlyActiveUsers: number | null;
  edgeOnlyCrossoverMonthlyActiveUsers: number | null;
  linear: Record<StrategyName, LinearCost>;
  /** TCO of each strategy from 100 to 1e9 MAU (1-2-5 steps), plus the scenario's MAU and the crossover. */
  tcoByMonthlyActiveUsers: TcoAtVolume[];
  /** Hybrid savings against cloud-only at the scenario's values. */
  baseSavingsUsd: number;
  tornado: TornadoBar[];
}

export const TORNADO_STEP = 0.25;

export function crossoverMau(fixedA: number, variableA: number, fixedB: number, variableB: number): number | null {
  const dv = variableB - variableA;
  // Equal slopes (up to rounding): parallel lines never cross.
  if (Math.abs(dv) <= 1e-12 * Math.max(Math.abs(variableA), Math.abs(variableB))) return null;
  const mau = (fixedA - fixedB) / dv;
  return Number.isFinite(mau) && mau > 0 ? mau : null;
}

export function linearCosts(evaluation: Evaluation): Record<StrategyName, LinearCost> {
  const out = {} as Record<StrategyName, LinearCost>;
  for (const name of STRATEGIES) {
    const c = evaluation.cost[name];
    out[name] = { fixedUsd: c.fixedUsd, variableUsdPerMonthlyActiveUser: c.variableUsdPerMau };
  }
  return out;
}

/**
 * The hybrid's cost line at any volume uses its structural routing (the ship
 * decision at MAU > 0); at the scenario's MAU it is the plan's own hybrid.
 */
function structuralHybrid(evaluation: Evaluation, linear: Record<StrategyName, LinearCost>): LinearCost {
  const { model } = evaluation;
  if (model.monthlyActiveUsers > 0 || !evaluation.ship.some((s) => s.shipsStructurally)) {
    return linear.hybrid;
  }
  const atOne = evaluate({ ...model, monthlyActiveUsers: 1 });
  return { fixedUsd: atOne.cost.hybrid.fixedUsd, variableUsdPerMonthlyActiveUser: atOne.cost.hybrid.variableUsdPerMau };
}

export function sensitivity(evaluation: Evaluation, withTornado: boolean): Sensitivity {
  const linear = linearCosts(evaluation);
  const hybridLine = structuralHybrid(evaluation, linear);
  const cloud = linear.cloudOnly;
  const crossover = crossoverMau(
    hybridLine.fixedUsd,
    hybridLine.variableUsdPerMonthlyActiveUser,
    cloud.fixedUsd,
    cloud.variableUsdPerMonthlyActiveUser,
  );
  const edgeCrossover = crossoverMau(
    linear.edgeOnly.fixedUsd,
    linear.edgeOnly.variableUsdPerMonthlyActiveUser,
    cloud.fixedUsd,
    cloud.variableUsdPerMonthlyActiveUser,
  );

  const volumes = volumePoints(evaluation.model.monthlyActiveUsers, crossover);
  const tcoByMonthlyActiveUsers: TcoAtVolume[] = [];
  for (const mau of volumes) {
    tcoByMonthlyActiveUsers.push({
      monthlyActiveUsers: mau,
      cloudOnly: lineAt(cloud, mau),
      edgeOnly: lineAt(linear.edgeOnly, mau),
      hybrid: mau === evaluation.model.monthlyActiveUsers ? evaluation.cost.hybrid.tcoUsd : lineAt(hybridLine, mau),
    });
  }

  return {
    crossoverMonthlyActiveUsers: crossover,
    edgeOnlyCrossoverMonthlyActiveUsers: edgeCrossover,
    // Written out rather than spread (linear's own key order).
    linear: { cloudOnly: linear.cloudOnly, hybrid: hybridLine, edgeOnly: linear.edgeOnly },
    tcoByMonthlyActiveUsers,
    baseSavingsUsd: savings(evaluation),
    tornado: withTornado ? tornado(evaluation) : [],
  };
}

function lineAt(line: LinearCost, mau: number): number {
  return line.fixedUsd + mau * line.variableUsdPerMonthlyActiveUser;
}

/** 100 to 1e9 MAU in 1-2-5 steps. */
const VOLUME_STEPS: readonly number[] = (() => {
  const points: number[] = [];
  for (let decade = 100; decade <= 1e9; decade *= 10) {
    for (const step of [1, 2, 5]) if (decade * step <= 1e9) points.push(decade * step);
  }
  return points;
})();

function volumePoints(scenarioMau: number, crossover: number | null): number[] {
  const points = VOLUME_STEPS.slice();
  if (scenarioMau > 0) insertSorted(points, scenarioMau);
  if (crossover !== null) insertSorted(points, crossover);
  return points;
}

/** Into an ascending list without duplicates, keeping it so (what a Set and a numeric sort gave). */
function insertSorted(points: number[], x: number): void {
  let i = 0;
  while (i < points.length && points[i]! < x) i++;
  if (points[i] !== x) points.splice(i, 0, x);
}

function savings(evaluation: Evaluation): number {
  return evaluation.cost.cloudOnly.tcoUsd - evaluation.cost.hybrid.tcoUsd;
}

/** How the engine moves one input: read it, apply a value, and what of the base stays valid. */
interface TornadoFormula {
  base: (m: PlanModel) => number;
  /**
   * Writes `m` with the input at `value` into `into`, a working copy of `m` (workingCopy:
   * its arrays, devices and set-up costs its own): only the fields the input moves, read
   * from `m`. Applying the base value writes back exactly `m`'s own values (a scale factor
   * of base ÷ base is exactly 1), which is how the tornado resets the copy between bars.
   */
  apply: (m: PlanModel, value: number, into: PlanModel) => void;
  /** Skip when the scenario does not use it (e.g. no battery cap). */
  applies?: (m: PlanModel) => boolean;
  /** Changes the traffic series (otherwise the base series is reused). */
  traffic?: true;
  /** The cells read it only through the battery cap: without a cap they stand (requests per user). */
  cellsOnlyUnderCap?: true;
  /** What of the base evaluation stays valid when this input moves (see the header). */
  keeps: "routing" | "cells" | "tiers" | "prices" | "nothing";
}

/**
 * A copy of the model that the tornado's formulas may write into: one copy per tornado
 * rather than one per bar (each bar's model is consumed before the next is written).
 */
export function workingCopy(m: PlanModel): PlanModel {
  return {
    ...m,
    tierInputTokens: m.tierInputTokens.slice(),
    tierOutputTokens: m.tierOutputTokens.slice(),
    devices: m.devices.map((d) => ({ ...d })),
    setupUsd: { ...m.setupUsd },
  };
}

/** The model with one input at `value`, as a new object (for a full re-evaluation). */
export function movedModel(spec: Pick<TornadoFormula, "apply">, m: PlanModel, value: number): PlanModel {
  const into = workingCopy(m);
  spec.apply(m, value, into);
  return into;
}

const sumOf = (values: readonly number[]) => {
  let sum = 0;
  for (const x of values) sum += x;
  return sum;
};

const scaleTokens = (field: "tierInputTokens" | "tierOutputTokens") => (m: PlanModel, value: number, into: PlanModel) => {
  const from = m[field];
  const base = sumOf(from);
  const factor = base > 0 ? value / base : 1;
  const to = into[field];
  for (let t = 0; t < from.length; t++) to[t] = from[t]! * factor;
};

const sumOfDevices = (m: PlanModel, field: "decodeTokensPerSec" | "powerW" | "share") => {
  let sum = 0;
  for (const d of m.devices) sum += d[field];
  return sum;
};

const scaleDevices = (field: "decodeTokensPerSec" | "powerW" | "share") => (m: PlanModel, value: number, into: PlanModel) => {
  const base = sumOfDevices(m, field);
  const f = base > 0 ? value / base : 1;
  for (let d = 0; d < m.devices.length; d++) into.devices[d]![field] = m.devices[d]![field] * f;
};
const scaleShares = scaleDevices("share");

const TORNADO_FORMULAS: Record<string, TornadoFormula> = {
  "traffic.monthlyActiveUsers": {
    keeps: "routing",
    base: (m) => m.monthlyActiveUsers,
    apply: (_, v, into) => {
      into.monthlyActiveUsers = v;
    },
  },
  "traffic.requestsPerUserPerDay": {
    keeps: "tiers",
    traffic: true,
    cellsOnlyUnderCap: true,
    base: (m) => m.requestsPerUserPerDay,
    apply: (_, v, into) => {
      into.requestsPerUserPerDay = v;
    },
  },
  "traffic.monthlyGrowthPct": {
    keeps: "cells",
    traffic: true,
    base: (m) => m.monthlyGrowthPct,
    apply: (_, v, into) => {
      into.monthlyGrowthPct = v;
    },
  },
  "tiers.*.outputTokens": {
    keeps: "nothing",
    base: (m) => sumOf(m.tierOutputTokens),
    apply: scaleTokens("tierOutputTokens"),
  },
  "tiers.*.inputTokens": {
    keeps: "nothing",
    base: (m) => sumOf(m.tierInputTokens),
    apply: scaleTokens("tierInputTokens"),
  },
  "cloud.price.outputUsdPerMTok": {
    keeps: "prices",
    base: (m) => m.outputUsdPerMTok,
    apply: (_, v, into) => {
      into.outputUsdPerMTok = v;
    },
  },
  "cloud.price.inputUsdPerMTok": {
    keeps: "prices",
    base: (m) => m.inputUsdPerMTok,
    apply: (_, v, into) => {
      into.inputUsdPerMTok = v;
    },
  },
  "cloud.batchShare": {
    keeps: "prices",
    base: (m) => m.batchShare,
    apply: (_, v, into) => {
      into.batchShare = v;
    },
  },
  "cloud.retryShare": {
    keeps: "prices",
    base: (m) => m.retryShare,
    apply: (_, v, into) => {
      into.retryShare = v;
    },
  },
  "cloud.priceChangePctPerYear": {
    keeps: "cells",
    traffic: true,
    base: (m) => m.priceChangePctPerYear,
    apply: (_, v, into) => {
      into.priceChangePctPerYear = v;
    },
  },
  "devices.*.decodeTokensPerSec": {
    keeps: "tiers",
    base: (m) => sumOfDevices(m, "decodeTokensPerSec"),
    apply: scaleDevices("decodeTokensPerSec"),
  },
  "devices.*.powerW": {
    keeps: "tiers",
    base: (m) => sumOfDevices(m, "powerW"),
    apply: scaleDevices("powerW"),
    applies: (m) => m.maxBatteryPctPerUserDay !== null,
  },
  "devices.*.share": {
    keeps: "cells",
    base: (m) => sumOfDevices(m, "share"),
    apply: (m, v, into) => {
      scaleShares(m, v, into);
      // buildPlanModel's own sum (a reduce from 0) and threshold, so the base value writes back the base's.
      let sum = 0;
      for (const d of into.devices) sum += d.share;
      const other = 1 - sum;
      into.otherShare = other > OTHER_SHARE_EPSILON ? other : 0;
    },
  },
  "costs.setupUsd.hybrid": {
    keeps: "routing",
    base: (m) => m.setupUsd.hybrid,
    apply: (_, v, into) => {
      into.setupUsd.hybrid = v;
    },
  },
  "costs.cdnUsdPerGB": {
    keeps: "cells",
    base: (m) => m.cdnUsdPerGB,
    apply: (_, v, into) => {
      into.cdnUsdPerGB = v;
    },
  },
  "costs.modelUpdatesPerYear": {
    keeps: "cells",
    base: (m) => m.modelUpdatesPerYear,
    apply: (_, v, into) => {
      into.modelUpdatesPerYear = v;
    },
  },
  "constraints.latencyBudgetMs": {
    keeps: "tiers",
    base: (m) => m.latencyBudgetMs ?? 0,
    apply: (_, v, into) => {
      into.latencyBudgetMs = v;
    },
    applies: (m) => m.latencyBudgetMs !== null,
  },
  "constraints.maxBatteryPctPerUserDay": {
    keeps: "tiers",
    base: (m) => m.maxBatteryPctPerUserDay ?? 0,
    apply: (_, v, into) => {
      into.maxBatteryPctPerUserDay = v;
    },
    applies: (m) => m.maxBatteryPctPerUserDay !== null,
  },
};

export interface TornadoInput extends TornadoFormula {
  input: string;
  label: string;
  min: number;
  max: number;
}

/**
 * The inputs the tornado moves, in the engine's order: each formula joined with its
 * catalogue entry (name and clamps, lib/scenario-params/catalogue.ts). A formula
 * without an entry, or an entry without a formula, is a mistake caught at load.
 */
export const TORNADO_INPUTS: readonly TornadoInput[] = tornadoInputs();

function tornadoInputs(): TornadoInput[] {
  const inputs = Object.entries(TORNADO_FORMULAS).map(([input, formula]) => {
    const range = tornadoRange(input);
    if (range === undefined) throw new Error(`tornado: ${input} has a formula but no catalogue range`);
    return { ...formula, input, label: range.engineLabel, min: range.min ?? 0, max: range.max ?? Number.MAX_VALUE };
  });
  const unmoved = Object.keys(SCENARIO_PARAMS).filter((path) => SCENARIO_PARAMS[path]?.tornado && !Object.hasOwn(TORNADO_FORMULAS, path));
  if (unmoved.length > 0) throw new Error(`tornado: no formula for ${unmoved.join(", ")}`);
  return inputs;
}

function tornado(evaluation: Evaluation): TornadoBar[] {
  const model = evaluation.model;
  const bars: TornadoBar[] = [];
  // One model, one set of cells and one of tier costs, rewritten by every re-evaluation that
  // needs its own (each is consumed at once): the tornado allocates little beyond its bars.
  const work = workingCopy(model);
  const scratch = emptyCellFacts(evaluation.cells.tierCount, model.devices.length, true);
  const tierScratch = emptyTierFacts(model.tierShare.length);
  const reuse: Reuse = {};
  for (const spec of TORNADO_INPUTS) {
    if (spec.applies && !spec.applies(model)) continue;
    const base = spec.base(model);
    if (base === 0) continue; // ±25 % of nothing moves nothing
    const lo = clamp(base * (1 - TORNADO_STEP * Math.sign(base)), spec.min, spec.max);
    const hi = clamp(base * (1 + TORNADO_STEP * Math.sign(base)), spec.min, spec.max);
    reuse.traffic = spec.traffic ? undefined : evaluation.traffic;
    reuse.tiers = spec.keeps === "nothing" || spec.keeps === "prices" ? undefined : evaluation.tiers;
    reuse.cells =
      spec.keeps === "cells" ||
      ((spec.keeps === "prices" || spec.cellsOnlyUnderCap) && model.maxBatteryPctPerUserDay === null) ||
      (spec.keeps === "prices" && !evaluation.cells.capBinds)
        ? evaluation.cells
        : undefined;
    reuse.scratch = scratch;
    reuse.tierScratch = tierScratch;
    const savingsAtLowUsd = savingsAt(spec, evaluation, work, lo, reuse);
    const savingsAtHighUsd = savingsAt(spec, evaluation, work, hi, reuse);
    spec.apply(model, base, work);
    bars.push({
      input: spec.input,
      label: spec.label,
      baseValue: base,
      lowValue: lo,
      highValue: hi,
      savingsAtLowUsd,
      savingsAtHighUsd,
      swingUsd: Math.abs(savingsAtHighUsd - savingsAtLowUsd),
    });
  }
  return bars.sort(bySwing);
}

function bySwing(a: TornadoBar, b: TornadoBar): number {
  return b.swingUsd - a.swingUsd;
}

function savingsAt(spec: TornadoInput, evaluation: Evaluation, work: PlanModel, value: number, reuse: Reuse): number {
  spec.apply(evaluation.model, value, work);
  const moved = work;
  if (spec.keeps !== "routing" || !(moved.monthlyActiveUsers > 0)) return hybridSavingsUsd(moved, reuse);
  // strategyCost's own expression for the hybrid, with the base's routing and v.
  const hybridTco =
    moved.setupUsd.hybrid +
    moved.horizonMonths * moved.monthlyInfraUsd.hybrid +
    moved.monthlyActiveUsers * evaluation.cost.hybrid.variableUsdPerMau;
  return cloudOnlyTcoUsd(moved, evaluation.traffic, evaluation.tiers) - hybridTco;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
