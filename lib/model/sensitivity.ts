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
 *     battery cap's order, so they stand when no cap is set;
 *   - "nothing": tokens move the cloud cost and the edge latency alike.
 * The traffic series is reused unless the input feeds it (`traffic`).
 */
import { emptyCellFacts } from "./cells";
import { cloudOnlyTcoUsd, evaluate, hybridSavingsUsd, type Evaluation, type Reuse } from "./evaluate";
import { STRATEGIES, type PlanModel, type StrategyName } from "./model";
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
function structuralHybrid(evaluation: Evaluation): LinearCost {
  const { model } = evaluation;
  if (model.monthlyActiveUsers > 0 || !evaluation.ship.some((s) => s.shipsStructurally)) {
    return linearCosts(evaluation).hybrid;
  }
  const atOne = evaluate({ ...model, monthlyActiveUsers: 1 });
  return { fixedUsd: atOne.cost.hybrid.fixedUsd, variableUsdPerMonthlyActiveUser: atOne.cost.hybrid.variableUsdPerMau };
}

export function sensitivity(evaluation: Evaluation, withTornado: boolean): Sensitivity {
  const linear = linearCosts(evaluation);
  const hybridLine = structuralHybrid(evaluation);
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
  const at = (line: LinearCost, mau: number) => line.fixedUsd + mau * line.variableUsdPerMonthlyActiveUser;
  const tcoByMonthlyActiveUsers = volumes.map((mau) => ({
    monthlyActiveUsers: mau,
    cloudOnly: at(cloud, mau),
    edgeOnly: at(linear.edgeOnly, mau),
    hybrid: mau === evaluation.model.monthlyActiveUsers ? evaluation.cost.hybrid.tcoUsd : at(hybridLine, mau),
  }));

  return {
    crossoverMonthlyActiveUsers: crossover,
    edgeOnlyCrossoverMonthlyActiveUsers: edgeCrossover,
    linear: { ...linear, hybrid: hybridLine },
    tcoByMonthlyActiveUsers,
    baseSavingsUsd: savings(evaluation),
    tornado: withTornado ? tornado(evaluation) : [],
  };
}

function volumePoints(scenarioMau: number, crossover: number | null): number[] {
  const points: number[] = [];
  for (let decade = 100; decade <= 1e9; decade *= 10) {
    for (const step of [1, 2, 5]) if (decade * step <= 1e9) points.push(decade * step);
  }
  if (scenarioMau > 0) points.push(scenarioMau);
  if (crossover !== null) points.push(crossover);
  return [...new Set(points)].sort((a, b) => a - b);
}

function savings(evaluation: Evaluation): number {
  return evaluation.cost.cloudOnly.tcoUsd - evaluation.cost.hybrid.tcoUsd;
}

/** How the engine moves one input: read it, apply a value, and what of the base stays valid. */
interface TornadoFormula {
  base: (m: PlanModel) => number;
  /** Applies a value; returns the changed copy. */
  apply: (m: PlanModel, value: number) => PlanModel;
  /** Skip when the scenario does not use it (e.g. no battery cap). */
  applies?: (m: PlanModel) => boolean;
  /** Changes the traffic series (otherwise the base series is reused). */
  traffic?: true;
  /** What of the base evaluation stays valid when this input moves (see the header). */
  keeps: "routing" | "cells" | "tiers" | "prices" | "nothing";
}

const scaleTokens =
  (field: "tierInputTokens" | "tierOutputTokens") =>
  (m: PlanModel, value: number): PlanModel => {
    const base = m[field].reduce((a, b) => a + b, 0);
    const factor = base > 0 ? value / base : 1;
    return { ...m, [field]: m[field].map((x) => x * factor) };
  };

const TORNADO_FORMULAS: Record<string, TornadoFormula> = {
  "traffic.monthlyActiveUsers": {
    keeps: "routing",
    base: (m) => m.monthlyActiveUsers,
    apply: (m, v) => ({ ...m, monthlyActiveUsers: v }),
  },
  "traffic.requestsPerUserPerDay": {
    keeps: "tiers",
    traffic: true,
    base: (m) => m.requestsPerUserPerDay,
    apply: (m, v) => ({ ...m, requestsPerUserPerDay: v }),
  },
  "traffic.monthlyGrowthPct": {
    keeps: "cells",
    traffic: true,
    base: (m) => m.monthlyGrowthPct,
    apply: (m, v) => ({ ...m, monthlyGrowthPct: v }),
  },
  "tiers.*.outputTokens": {
    keeps: "nothing",
    base: (m) => m.tierOutputTokens.reduce((a, b) => a + b, 0),
    apply: scaleTokens("tierOutputTokens"),
  },
  "tiers.*.inputTokens": {
    keeps: "nothing",
    base: (m) => m.tierInputTokens.reduce((a, b) => a + b, 0),
    apply: scaleTokens("tierInputTokens"),
  },
  "cloud.price.outputUsdPerMTok": {
    keeps: "prices",
    base: (m) => m.outputUsdPerMTok,
    apply: (m, v) => ({ ...m, outputUsdPerMTok: v }),
  },
  "cloud.price.inputUsdPerMTok": {
    keeps: "prices",
    base: (m) => m.inputUsdPerMTok,
    apply: (m, v) => ({ ...m, inputUsdPerMTok: v }),
  },
  "cloud.batchShare": {
    keeps: "prices",
    base: (m) => m.batchShare,
    apply: (m, v) => ({ ...m, batchShare: v }),
  },
  "cloud.retryShare": {
    keeps: "prices",
    base: (m) => m.retryShare,
    apply: (m, v) => ({ ...m, retryShare: v }),
  },
  "cloud.priceChangePctPerYear": {
    keeps: "cells",
    traffic: true,
    base: (m) => m.priceChangePctPerYear,
    apply: (m, v) => ({ ...m, priceChangePctPerYear: v }),
  },
  "devices.*.decodeTokensPerSec": {
    keeps: "tiers",
    base: (m) => m.devices.reduce((a, d) => a + d.decodeTokensPerSec, 0),
    apply: (m, v) => {
      const base = m.devices.reduce((a, d) => a + d.decodeTokensPerSec, 0);
      const f = base > 0 ? v / base : 1;
      return { ...m, devices: m.devices.map((d) => ({ ...d, decodeTokensPerSec: d.decodeTokensPerSec * f })) };
    },
  },
  "devices.*.powerW": {
    keeps: "tiers",
    base: (m) => m.devices.reduce((a, d) => a + d.powerW, 0),
    apply: (m, v) => {
      const base = m.devices.reduce((a, d) => a + d.powerW, 0);
      const f = base > 0 ? v / base : 1;
      return { ...m, devices: m.devices.map((d) => ({ ...d, powerW: d.powerW * f })) };
    },
    applies: (m) => m.maxBatteryPctPerUserDay !== null,
  },
  "devices.*.share": {
    keeps: "cells",
    base: (m) => m.devices.reduce((a, d) => a + d.share, 0),
    apply: (m, v) => {
      const base = m.devices.reduce((a, d) => a + d.share, 0);
      const f = base > 0 ? v / base : 1;
      const devices = m.devices.map((d) => ({ ...d, share: d.share * f }));
      const other = 1 - devices.reduce((a, d) => a + d.share, 0);
      return { ...m, devices, otherShare: other > 1e-9 ? other : 0 };
    },
  },
  "costs.setupUsd.hybrid": {
    keeps: "routing",
    base: (m) => m.setupUsd.hybrid,
    apply: (m, v) => ({ ...m, setupUsd: { ...m.setupUsd, hybrid: v } }),
  },
  "costs.cdnUsdPerGB": {
    keeps: "cells",
    base: (m) => m.cdnUsdPerGB,
    apply: (m, v) => ({ ...m, cdnUsdPerGB: v }),
  },
  "costs.modelUpdatesPerYear": {
    keeps: "cells",
    base: (m) => m.modelUpdatesPerYear,
    apply: (m, v) => ({ ...m, modelUpdatesPerYear: v }),
  },
  "constraints.latencyBudgetMs": {
    keeps: "tiers",
    base: (m) => m.latencyBudgetMs ?? 0,
    apply: (m, v) => ({ ...m, latencyBudgetMs: v }),
    applies: (m) => m.latencyBudgetMs !== null,
  },
  "constraints.maxBatteryPctPerUserDay": {
    keeps: "tiers",
    base: (m) => m.maxBatteryPctPerUserDay ?? 0,
    apply: (m, v) => ({ ...m, maxBatteryPctPerUserDay: v }),
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
  // One set of cells rewritten by every re-evaluation that needs its own (each is consumed at once).
  const scratch = emptyCellFacts(evaluation.cells.tierCount, model.devices.length);
  for (const spec of TORNADO_INPUTS) {
    if (spec.applies && !spec.applies(model)) continue;
    const base = spec.base(model);
    if (base === 0) continue; // ±25 % of nothing moves nothing
    const lo = clamp(base * (1 - TORNADO_STEP * Math.sign(base)), spec.min, spec.max);
    const hi = clamp(base * (1 + TORNADO_STEP * Math.sign(base)), spec.min, spec.max);
    const reuse: Reuse = {
      traffic: spec.traffic ? undefined : evaluation.traffic,
      tiers: spec.keeps === "nothing" || spec.keeps === "prices" ? undefined : evaluation.tiers,
      cells:
        spec.keeps === "cells" || (spec.keeps === "prices" && model.maxBatteryPctPerUserDay === null)
          ? evaluation.cells
          : undefined,
      scratch,
    };
    const savingsAtLowUsd = savingsAt(spec, evaluation, lo, reuse);
    const savingsAtHighUsd = savingsAt(spec, evaluation, hi, reuse);
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
  return bars.sort((a, b) => b.swingUsd - a.swingUsd);
}

function savingsAt(spec: TornadoInput, evaluation: Evaluation, value: number, reuse: Reuse): number {
  const moved = spec.apply(evaluation.model, value);
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
