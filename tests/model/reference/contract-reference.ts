/**
 * An independent, deliberately plain reference implementation of the plan API's
 * cost model (DESIGN.md, "The cost model (v1 definitions)" and "The plan API: a
 * public contract" → "Definitions the engine must follow exactly").
 *
 * It was written from DESIGN.md and lib/schemas/scenario.ts only, without
 * reading lib/model/**, so that tests/model/contract-reference.test.ts can check
 * the engine against a second reading of the contract. It is slow on purpose:
 * every figure is a loop over months × tiers × device classes, written the way
 * the contract writes it (Math.pow for growth and price trend), with no
 * factoring, caching or cleverness.
 *
 * Scope: scenarios whose refs are all INLINE (inline devices, inline variant,
 * inline price) and whose `edge.runs` give decodeTokensPerSec / ttftMs / powerW
 * for every device class, so no dataset look-up and no estimate rule is needed.
 * Anything outside that scope throws.
 *
 * Readings of the contract where it leaves room (each marked "READING" below):
 *  1. Battery cap ("move the tiers with the most energy per dollar saved to the
 *     cloud first") is not implemented: the generator leaves
 *     maxBatteryPctPerUserDay null. A scenario with a cap throws here.
 *  2. The latency budget constrains the edge only ("edge latency ≤ the budget");
 *     the cloud latency is reported but never makes a cell or a strategy
 *     infeasible. Likewise the cloud price's quality is reported, not enforced.
 *     So cloudOnly and hybrid are always feasible.
 *  3. edgeOnly: every request of a capable device class goes to the edge (even
 *     a cell whose quality or latency constraint fails: that is a violation);
 *     incapable classes and "other" are unserved. It is infeasible when any
 *     cell with a request share > 0 is unserved or violates a constraint (a cell
 *     that carries no requests violates nothing; first written here as "any
 *     violation", which the engine's reading — lib/model/README.md, edge-only —
 *     refines; the reference follows it).
 *  4. hybrid ships the model to a class when its horizon savings are strictly
 *     greater than ("exceeds") its horizon distribution cost; 0 vs 0 ships not.
 *  5. Recommendation tie-break beyond "cloudOnly on a tie": the contract names
 *     only cloudOnly. First written here as cloudOnly, edgeOnly, hybrid; the
 *     engine documents cloudOnly, hybrid, edgeOnly (lib/model/README.md,
 *     "simpler build wins"), and the reference follows that.
 *  6. breakEvenMonth is computed for edgeOnly even when it is infeasible.
 *     "≤" and "least TCO" are floating-point comparisons of sums taken in
 *     different orders; the engine (lib/model/README.md) treats costs within
 *     1e-12·max(1, |cost|) USD as equal, and so does the reference (first written
 *     as an exact ≤ / <, which disagreed only on sub-picodollar differences).
 *  7. Shares of requests over the horizon (edgeShare, unservedShare) and cost
 *     per 1k requests are 0/0 when ΣR = 0; the reference returns null there.
 *     The engine reports cost per 1k as null and the shares as the routing's
 *     shares of the request mix (lib/model/README.md), which equal the horizon
 *     shares whenever ΣR > 0; the test compares with `edgeShareOfMix` then.
 *  8. Peak memory omitted on an inline variant: sizeGB·1000·1.2 (the schema's
 *     documented estimate). Cached input price omitted: the input price (schema).
 *  9. "other" (1 − Σ device shares) is a class of its own only when that
 *     remainder exceeds 1e-9 (the schema's share-sum tolerance): shares typed
 *     as decimals (0.7 + 0.2 + 0.1) leave ~1e-16, which is rounding, not users.
 *     Engine's reading (lib/model/README.md, "other"); first written here as > 0.
 * 10. Battery % of a class that runs nothing on the edge is 0, whatever its
 *     battery capacity (no edge energy, the formula's Σ is 0): the "every tier
 *     on the edge" figure of an incapable class, and the hybrid figure of a
 *     class the hybrid does not ship to. First written here as "the formula
 *     regardless of capability" and "null when capacity is unknown"; the engine's
 *     reading follows the contract's [t on edge] indicator, so the reference does.
 *
 * Where the engine's documented reading differed from the one first written
 * here, the contract allows both and the reference follows the engine (5, 6, 3,
 * 9, 10 say so); none of them changes a monthly money figure.
 */
import type { Scenario, InlineDevice, InlineVariant, InlinePrice, InlineRun } from "@/lib/schemas/scenario";

export type RefStrategyName = "cloudOnly" | "edgeOnly" | "hybrid";
export const REF_STRATEGIES: RefStrategyName[] = ["cloudOnly", "edgeOnly", "hybrid"];

export interface RefMonth {
  month: number;
  requests: number;
  cloudUsd: number;
  distributionUsd: number;
  infraUsd: number;
  totalUsd: number;
  cumulativeUsd: number;
}

export type RefTarget = "edge" | "cloud" | "unserved";

export interface RefCell {
  tierId: string;
  deviceId: string;
  target: RefTarget;
  /** The latency of the target: edge formula on the edge, cloud formula on the cloud, null when unserved. */
  latencyMs: number | null;
  /** Edge latency of this cell if it ran on the edge (null for "other"). */
  edgeLatencyMs: number | null;
  cloudLatencyMs: number | null;
  /** Why the cell may not run on the edge, empty when it may. */
  edgeBlockers: string[];
}

export interface RefStrategy {
  monthly: RefMonth[];
  setupUsd: number;
  tcoUsd: number;
  totalRequests: number;
  costPer1kRequestsUsd: number | null;
  edgeShare: number | null;
  unservedShare: number | null;
  /** Same shares, weighted by tier share × device share only (no traffic). */
  edgeShareOfMix: number;
  unservedShareOfMix: number;
  feasible: boolean;
  breakEvenMonth: number | null;
  cells: RefCell[];
  violations: string[];
  /** Device ids that download the model under this strategy. */
  shipped: string[];
}

export interface RefBattery {
  deviceId: string;
  /** Every tier of this class on the edge. null when the battery is unknown. */
  pctAllTiersOnEdge: number | null;
  /** Only the tiers the hybrid routes to the edge. */
  pctHybrid: number | null;
}

export interface RefShipDecision {
  deviceId: string;
  savingsUsd: number;
  distributionUsd: number;
  ships: boolean;
}

export interface RefPlan {
  strategies: Record<RefStrategyName, RefStrategy>;
  recommendedStrategy: RefStrategyName;
  battery: RefBattery[];
  shipDecisions: RefShipDecision[];
}

interface RefDeviceClass {
  id: string;
  share: number;
  device: InlineDevice;
  run: InlineRun;
  capable: boolean;
}

function inlineOrThrow<T extends object>(ref: string | T, what: string): T {
  if (typeof ref === "string") throw new Error(`reference handles inline ${what} only, got id "${ref}"`);
  return ref;
}

function deviceIdOf(device: InlineDevice): string {
  return device.id ?? device.name;
}

/** R(m) = MAU·(1+growthPct/100)^(m−1)·requestsPerUserPerDay·activeDaysPerMonth */
export function refRequests(s: Scenario, m: number): number {
  return (
    s.traffic.monthlyActiveUsers *
    Math.pow(1 + s.traffic.monthlyGrowthPct / 100, m - 1) *
    s.traffic.requestsPerUserPerDay *
    s.traffic.activeDaysPerMonth
  );
}

/** users(m) = MAU·(1+growthPct/100)^(m−1) */
export function refUsers(s: Scenario, m: number): number {
  return s.traffic.monthlyActiveUsers * Math.pow(1 + s.traffic.monthlyGrowthPct / 100, m - 1);
}

/** Per-request cloud cost of a tier in month m, trend included. */
export function refCloudCostPerRequest(
  s: Scenario,
  price: InlinePrice,
  inputTokens: number,
  outputTokens: number,
  m: number,
): number {
  const c = s.cloud.cachedInputShare;
  const pIn = price.inputUsdPerMTok;
  const pCached = price.cachedInputUsdPerMTok ?? price.inputUsdPerMTok; // READING 8
  const pOut = price.outputUsdPerMTok;
  const base = (inputTokens * ((1 - c) * pIn + c * pCached) + outputTokens * pOut) / 1e6;
  const trend = Math.pow(1 + s.cloud.priceChangePctPerYear / 100, (m - 1) / 12);
  return base * trend;
}

/** Distribution of one device class in month m (when it ships). */
export function refDistribution(s: Scenario, variant: InlineVariant, share: number, m: number): number {
  const perUser = variant.sizeGB * s.costs.cdnUsdPerGB;
  if (m === 1) return refUsers(s, 1) * share * perUser;
  return (
    refUsers(s, m) *
    share *
    (s.costs.newInstallSharePerMonth + s.costs.modelUpdatesPerYear / 12) *
    perUser
  );
}

export function referencePlan(s: Scenario): RefPlan {
  if (s.constraints.maxBatteryPctPerUserDay !== null) {
    throw new Error("reference does not implement the battery cap (READING 1)");
  }
  const variant = inlineOrThrow(s.edge.variant, "variant");
  const price = inlineOrThrow(s.cloud.price, "price");
  if (price.ttftMs === undefined || price.tokensPerSec === undefined) {
    throw new Error("reference needs the inline price's ttftMs and tokensPerSec");
  }
  const peakMemoryMB = variant.peakMemoryMB ?? variant.sizeGB * 1000 * 1.2; // READING 8
  const H = s.horizonMonths;

  // ---- device classes -------------------------------------------------------
  const classes: RefDeviceClass[] = [];
  for (const dc of s.devices) {
    const device = inlineOrThrow(dc.device, "device");
    const id = deviceIdOf(device);
    let run: InlineRun | undefined;
    for (const r of s.edge.runs) {
      const rid = typeof r.device === "string" ? r.device.trim() : deviceIdOf(r.device);
      if (rid === id) run = r; // last one wins; the generator gives exactly one
    }
    if (!run || run.ttftMs === undefined || run.powerW === undefined) {
      throw new Error(`reference needs an inline run with ttftMs and powerW for "${id}"`);
    }
    const capable = device.ramGB * 1000 * s.constraints.usableRamFraction >= peakMemoryMB;
    classes.push({ id, share: dc.share, device, run, capable });
  }
  let sumDeviceShares = 0;
  for (const c of classes) sumDeviceShares += c.share;
  const otherShare = 1 - sumDeviceShares;
  const hasOther = otherShare > 1e-9; // READING 9

  // ---- per-cell facts -------------------------------------------------------
  const cloudLatency = (outputTokens: number) =>
    s.cloud.networkRttMs + price.ttftMs! + (1000 * outputTokens) / price.tokensPerSec!;
  const edgeLatency = (c: RefDeviceClass, outputTokens: number) =>
    c.run.ttftMs! + (1000 * outputTokens) / c.run.decodeTokensPerSec;
  const edgeEnergyJ = (c: RefDeviceClass, outputTokens: number) =>
    c.run.powerW! * (c.run.ttftMs! / 1000 + outputTokens / c.run.decodeTokensPerSec);

  /** Why cell (t, d) may not run on the edge; empty when it may. */
  function edgeBlockers(tierIndex: number, c: RefDeviceClass): string[] {
    const t = s.tiers[tierIndex]!;
    const out: string[] = [];
    if (!c.capable) out.push("memory");
    // READING: quality is always given by the generator; unknown quality blocks any minQuality.
    if (variant.quality === undefined ? t.minQuality > 0 : variant.quality < t.minQuality) out.push("quality");
    const budget = s.constraints.latencyBudgetMs;
    if (budget !== null && edgeLatency(c, t.outputTokens) > budget) out.push("latency");
    return out;
  }

  // ---- hybrid ship decision per class ----------------------------------------
  const shipDecisions: RefShipDecision[] = [];
  for (const c of classes) {
    let savings = 0;
    let distribution = 0;
    for (let m = 1; m <= H; m++) {
      for (let ti = 0; ti < s.tiers.length; ti++) {
        if (edgeBlockers(ti, c).length > 0) continue;
        const t = s.tiers[ti]!;
        savings +=
          refRequests(s, m) * t.share * c.share * refCloudCostPerRequest(s, price, t.inputTokens, t.outputTokens, m);
      }
      distribution += refDistribution(s, variant, c.share, m);
    }
    shipDecisions.push({ deviceId: c.id, savingsUsd: savings, distributionUsd: distribution, ships: savings > distribution }); // READING 4
  }

  // ---- routing per strategy ----------------------------------------------------
  type Routing = { target: (ti: number, ci: number | "other") => RefTarget; ships: (ci: number) => boolean };
  const routings: Record<RefStrategyName, Routing> = {
    cloudOnly: { target: () => "cloud", ships: () => false },
    edgeOnly: {
      target: (_ti, ci) => (ci === "other" ? "unserved" : classes[ci]!.capable ? "edge" : "unserved"),
      ships: (ci) => classes[ci]!.capable,
    },
    hybrid: {
      target: (ti, ci) => {
        if (ci === "other") return "cloud";
        if (!shipDecisions[ci]!.ships) return "cloud";
        return edgeBlockers(ti, classes[ci]!).length === 0 ? "edge" : "cloud";
      },
      ships: (ci) => shipDecisions[ci]!.ships,
    },
  };

  const strategies = {} as Record<RefStrategyName, RefStrategy>;
  for (const name of REF_STRATEGIES) {
    const routing = routings[name];
    const setupUsd = s.costs.setupUsd[name];
    const infra = s.costs.monthlyInfraUsd[name];

    // cells, in tier order then device order, "other" last
    const cells: RefCell[] = [];
    const violations: string[] = [];
    for (let ti = 0; ti < s.tiers.length; ti++) {
      const t = s.tiers[ti]!;
      for (let ci = 0; ci < classes.length; ci++) {
        const c = classes[ci]!;
        const target = routing.target(ti, ci);
        const blockers = edgeBlockers(ti, c);
        const e = edgeLatency(c, t.outputTokens);
        const cl = cloudLatency(t.outputTokens);
        if (target === "edge" && t.share * c.share > 0) {
          // READING 3: a cell that carries no requests violates nothing.
          for (const b of blockers) violations.push(`${t.id}/${c.id}: ${b}`);
        }
        cells.push({
          tierId: t.id,
          deviceId: c.id,
          target,
          latencyMs: target === "edge" ? e : target === "cloud" ? cl : null,
          edgeLatencyMs: e,
          cloudLatencyMs: cl,
          edgeBlockers: blockers,
        });
      }
      if (!hasOther) continue; // READING 9
      const otherTarget = routing.target(ti, "other");
      const cl = cloudLatency(t.outputTokens);
      cells.push({
        tierId: t.id,
        deviceId: "other",
        target: otherTarget,
        latencyMs: otherTarget === "cloud" ? cl : null,
        edgeLatencyMs: null,
        cloudLatencyMs: cl,
        edgeBlockers: ["no edge model"],
      });
    }

    const cellShare = (ti: number, ci: number | "other") =>
      s.tiers[ti]!.share * (ci === "other" ? otherShare : classes[ci]!.share);

    // monthly rows
    const monthly: RefMonth[] = [];
    let cumulative = setupUsd;
    let totalRequests = 0;
    let edgeRequests = 0;
    let unservedRequests = 0;
    for (let m = 1; m <= H; m++) {
      const requests = refRequests(s, m);
      let cloudUsd = 0;
      for (let ti = 0; ti < s.tiers.length; ti++) {
        const t = s.tiers[ti]!;
        const perRequest = refCloudCostPerRequest(s, price, t.inputTokens, t.outputTokens, m);
        const keys: (number | "other")[] = [...classes.map((_, i) => i), ...(hasOther ? ["other" as const] : [])];
        for (const ci of keys) {
          const target = routing.target(ti, ci);
          const cellRequests = requests * cellShare(ti, ci);
          if (target === "cloud") cloudUsd += cellRequests * perRequest;
          if (target === "edge") edgeRequests += cellRequests;
          if (target === "unserved") unservedRequests += cellRequests;
        }
      }
      let distributionUsd = 0;
      for (let ci = 0; ci < classes.length; ci++) {
        if (routing.ships(ci)) distributionUsd += refDistribution(s, variant, classes[ci]!.share, m);
      }
      const totalUsd = cloudUsd + distributionUsd + infra;
      cumulative += totalUsd;
      totalRequests += requests;
      monthly.push({ month: m, requests, cloudUsd, distributionUsd, infraUsd: infra, totalUsd, cumulativeUsd: cumulative });
    }

    let monthlySum = 0;
    for (const row of monthly) monthlySum += row.cloudUsd + row.distributionUsd + row.infraUsd;
    const tcoUsd = setupUsd + monthlySum;

    let edgeShareOfMix = 0;
    let unservedShareOfMix = 0;
    for (let ti = 0; ti < s.tiers.length; ti++) {
      const keys: (number | "other")[] = [...classes.map((_, i) => i), ...(hasOther ? ["other" as const] : [])];
      for (const ci of keys) {
        const target = routing.target(ti, ci);
        if (target === "edge") edgeShareOfMix += cellShare(ti, ci);
        if (target === "unserved") unservedShareOfMix += cellShare(ti, ci);
      }
    }

    // READING 3/7: a cell counts as unserved for feasibility when it carries users.
    let anyUnserved = false;
    for (let ti = 0; ti < s.tiers.length; ti++) {
      const keys: (number | "other")[] = [...classes.map((_, i) => i), ...(hasOther ? ["other" as const] : [])];
      for (const ci of keys) {
        if (routing.target(ti, ci) === "unserved" && cellShare(ti, ci) > 0) anyUnserved = true;
      }
    }

    strategies[name] = {
      monthly,
      setupUsd,
      tcoUsd,
      totalRequests,
      costPer1kRequestsUsd: totalRequests > 0 ? (tcoUsd / totalRequests) * 1000 : null,
      edgeShare: totalRequests > 0 ? edgeRequests / totalRequests : null,
      unservedShare: totalRequests > 0 ? unservedRequests / totalRequests : null,
      edgeShareOfMix,
      unservedShareOfMix,
      feasible: name === "edgeOnly" ? !anyUnserved && violations.length === 0 : true, // READING 2/3
      breakEvenMonth: null,
      cells,
      violations,
      shipped: classes.filter((_, ci) => routing.ships(ci)).map((c) => c.id),
    };
  }

  // ---- break-even against cloudOnly ---------------------------------------------
  for (const name of ["edgeOnly", "hybrid"] as const) {
    const mine = strategies[name].monthly;
    const cloud = strategies.cloudOnly.monthly;
    for (let i = 0; i < mine.length; i++) {
      // READING 6: ≤ up to 1e-12·max(1, |cloud|) USD of summation-order rounding.
      if (mine[i]!.cumulativeUsd <= cloud[i]!.cumulativeUsd + 1e-12 * Math.max(1, Math.abs(cloud[i]!.cumulativeUsd))) {
        strategies[name].breakEvenMonth = mine[i]!.month;
        break;
      }
    }
  }

  // ---- recommendation -------------------------------------------------------------
  // READING 5/6: in the order cloudOnly, hybrid, edgeOnly, a feasible strategy
  // replaces the best so far only when its TCO is smaller by more than rounding.
  const sameCost = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  let recommendedStrategy: RefStrategyName = "cloudOnly"; // always feasible (READING 2)
  for (const name of ["cloudOnly", "hybrid", "edgeOnly"] as const) {
    const candidate = strategies[name];
    const best = strategies[recommendedStrategy];
    if (candidate.feasible && candidate.tcoUsd < best.tcoUsd && !sameCost(candidate.tcoUsd, best.tcoUsd)) {
      recommendedStrategy = name;
    }
  }

  // ---- battery ---------------------------------------------------------------------
  const battery: RefBattery[] = [];
  for (let ci = 0; ci < classes.length; ci++) {
    const c = classes[ci]!;
    const wh = c.device.batteryWh;
    let allJ = 0;
    let hybridJ = 0;
    for (let ti = 0; ti < s.tiers.length; ti++) {
      const t = s.tiers[ti]!;
      const daily = s.traffic.requestsPerUserPerDay * t.share * edgeEnergyJ(c, t.outputTokens);
      allJ += daily;
      if (strategies.hybrid.cells.find((x) => x.tierId === t.id && x.deviceId === c.id)!.target === "edge") hybridJ += daily;
    }
    // READING 10: no edge energy → 0 %, known without the capacity.
    battery.push({
      deviceId: c.id,
      pctAllTiersOnEdge: !c.capable ? 0 : wh === null ? null : (allJ / (wh * 3600)) * 100,
      pctHybrid: !shipDecisions[ci]!.ships ? 0 : wh === null ? null : (hybridJ / (wh * 3600)) * 100,
    });
  }

  return { strategies, recommendedStrategy, battery, shipDecisions };
}
