/**
 * Per-cell facts for every (tier, device class): edge latency, energy, and which
 * routing constraints the edge meets. Cells are flattened as `d·T + t`; the
 * "other" users (no edge-capable phone) are row D in the routing arrays only.
 *
 * A cell may run on the edge when the class is ready (capable, speed known),
 * quality ≥ minQuality (an unknown score passes only minQuality 0), and burst
 * latency (or, with latencyTarget "firstToken", the first-token time) ≤ the budget (if set). The battery cap (if set, and the battery known)
 * then moves tiers off the edge (battery.ts).
 */
import { applyBatteryCap, batteryPctPerUserDay, edgeEnergyJ } from "./battery";
import { cloudLatencyMs, cloudUsdPerRequest } from "./cloud-cost";
import { edgeLatencyMs, sustainedEdgeLatencyMs } from "./latency";
import type { PlanModel } from "./model";
import { filled, transientFilled, transientZeros, zeros } from "./arrays";

export interface TierFacts {
  /** USD per request at month-1 prices. */
  cloudUsdPerRequest: number[];
  cloudLatencyMs: number[];
}

export interface CellFacts {
  tierCount: number;
  burstLatencyMs: number[];
  sustainedLatencyMs: number[];
  /** First-token time of the cell: grows with the tier's input tokens at the prefill speed. */
  ttftMs: number[];
  energyJ: number[];
  qualityOk: number[];
  latencyOk: number[];
  /** Ready, quality and latency met: what the edge may serve before the battery cap. */
  allowed: number[];
  /** Allowed after the battery cap: the hybrid's edge tiers of a class that ships. */
  allowedAfterBattery: number[];
  /** Battery % per user-day with every tier of a ready class on the edge; null: battery unknown or not ready. */
  fullEdgeBatteryPct: (number | null)[];
  /** Battery % per user-day with the allowed-after-battery tiers on the edge. */
  allowedBatteryPct: (number | null)[];
  /**
   * Whether the battery cap moved a tier of some class off the edge. When it did not, the
   * cells read nothing of the cloud prices (only the cap's order does): they stand when the
   * prices move (the tornado's price inputs).
   */
  capBinds: boolean;
}

/** Tier costs of the given length, all zero: somewhere for tierFacts to write. */
export function emptyTierFacts(T: number): TierFacts {
  return { cloudUsdPerRequest: zeros(T), cloudLatencyMs: zeros(T) };
}

/** `into`: a TierFacts of the same length to overwrite rather than allocate. */
export function tierFacts(model: PlanModel, into?: TierFacts): TierFacts {
  const n = model.tierShare.length;
  const facts = into && into.cloudUsdPerRequest.length === n ? into : emptyTierFacts(n);
  const cost = facts.cloudUsdPerRequest;
  const latency = facts.cloudLatencyMs;
  const price = {
    inputUsdPerMTok: model.inputUsdPerMTok,
    outputUsdPerMTok: model.outputUsdPerMTok,
    cachedInputUsdPerMTok: model.cachedInputUsdPerMTok,
    cachedInputShare: model.cachedInputShare,
    batchShare: model.batchShare,
    retryShare: model.retryShare,
    tiers: model.priceTiers,
  };
  const cloud = { networkRttMs: model.networkRttMs, ttftMs: model.cloudTtftMs, tokensPerSec: model.cloudTokensPerSec };
  for (let t = 0; t < n; t++) {
    const out = model.tierOutputTokens[t] ?? 0;
    cost[t] = cloudUsdPerRequest(model.tierInputTokens[t] ?? 0, out, price);
    latency[t] = cloudLatencyMs(out, cloud);
  }
  return facts;
}

/**
 * Cells of the given shape, all zero: somewhere for cellFacts to write. `transient`: for
 * cells a re-evaluation consumes at once (arrays.ts says why they are allocated apart).
 */
export function emptyCellFacts(T: number, D: number, transient = false): CellFacts {
  const size = T * D;
  if (transient) {
    return {
      tierCount: T,
      burstLatencyMs: transientZeros(size),
      sustainedLatencyMs: transientZeros(size),
      ttftMs: transientZeros(size),
      energyJ: transientZeros(size),
      qualityOk: transientZeros(size),
      latencyOk: transientZeros(size),
      allowed: transientZeros(size),
      allowedAfterBattery: transientZeros(size),
      fullEdgeBatteryPct: transientFilled<number | null>(D, null),
      allowedBatteryPct: transientFilled<number | null>(D, null),
      capBinds: false,
    };
  }
  return {
    tierCount: T,
    burstLatencyMs: zeros(size),
    sustainedLatencyMs: zeros(size),
    ttftMs: zeros(size),
    energyJ: zeros(size),
    qualityOk: zeros(size),
    latencyOk: zeros(size),
    allowed: zeros(size),
    allowedAfterBattery: zeros(size),
    fullEdgeBatteryPct: filled<number | null>(D, null),
    allowedBatteryPct: filled<number | null>(D, null),
    capBinds: false,
  };
}

/**
 * `into`: a CellFacts of the same shape to overwrite rather than allocate (the
 * tornado's re-evaluations consume each result before the next).
 */
export function cellFacts(model: PlanModel, tiers: TierFacts, into?: CellFacts): CellFacts {
  const T = model.tierShare.length;
  const D = model.devices.length;
  const facts = into && into.tierCount === T && into.fullEdgeBatteryPct.length === D ? into : emptyCellFacts(T, D);
  const budget = model.latencyBudgetMs;
  const firstTokenOnly = model.latencyTarget === "firstToken";
  const quality = model.variantQuality;
  const { energyRow, allowedRow, allTrue } = rowsOf(T);
  facts.capBinds = false;

  for (let d = 0; d < D; d++) {
    const device = model.devices[d]!;
    const ready = device.notReady === null;
    facts.fullEdgeBatteryPct[d] = null;
    facts.allowedBatteryPct[d] = null;
    for (let t = 0; t < T; t++) {
      const i = d * T + t;
      const minQuality = model.tierMinQuality[t] ?? 0;
      const qualityOk = minQuality <= 0 || (quality !== null && quality >= minQuality);
      facts.qualityOk[i] = qualityOk ? 1 : 0;
      if (!ready) {
        facts.burstLatencyMs[i] = 0;
        facts.sustainedLatencyMs[i] = 0;
        facts.ttftMs[i] = 0;
        facts.energyJ[i] = 0;
        facts.allowed[i] = 0;
        facts.allowedAfterBattery[i] = 0;
        facts.latencyOk[i] = 0;
        allowedRow[t] = false;
        energyRow[t] = 0;
        continue;
      }
      const out = model.tierOutputTokens[t] ?? 0;
      const ttft = device.ttftMs + device.msPerInputToken * (model.tierInputTokens[t] ?? 0);
      const burst = edgeLatencyMs(ttft, out, device.decodeTokensPerSec);
      facts.ttftMs[i] = ttft;
      facts.burstLatencyMs[i] = burst;
      facts.sustainedLatencyMs[i] = sustainedEdgeLatencyMs(ttft, out, device.decodeTokensPerSec, device.throttlePct);
      const energy = edgeEnergyJ(device.powerW, ttft, out, device.decodeTokensPerSec);
      facts.energyJ[i] = energy;
      energyRow[t] = energy;
      const latencyOk = budget === null || (firstTokenOnly ? ttft : burst) <= budget;
      facts.latencyOk[i] = latencyOk ? 1 : 0;
      allowedRow[t] = qualityOk && latencyOk;
      facts.allowed[i] = allowedRow[t] ? 1 : 0;
    }
    if (!ready) continue;

    let kept: readonly boolean[] = allowedRow;
    if (device.batteryWh !== null) {
      facts.fullEdgeBatteryPct[d] = batteryPctPerUserDay(
        model.requestsPerUserPerDay,
        model.tierShare,
        energyRow,
        allTrue,
        device.batteryWh,
      );
      // The allowed tiers' use: applyBatteryCap's own first test, and the class's figure when the cap holds.
      const allowedPct = batteryPctPerUserDay(
        model.requestsPerUserPerDay,
        model.tierShare,
        energyRow,
        allowedRow,
        device.batteryWh,
      );
      if (model.maxBatteryPctPerUserDay !== null && !(allowedPct <= model.maxBatteryPctPerUserDay)) {
        facts.capBinds = true;
        kept = applyBatteryCap(
          model.requestsPerUserPerDay,
          model.tierShare,
          energyRow,
          tiers.cloudUsdPerRequest,
          allowedRow,
          device.batteryWh,
          model.maxBatteryPctPerUserDay,
        );
        facts.allowedBatteryPct[d] = batteryPctPerUserDay(
          model.requestsPerUserPerDay,
          model.tierShare,
          energyRow,
          kept,
          device.batteryWh,
        );
      } else {
        facts.allowedBatteryPct[d] = allowedPct;
      }
    }
    for (let t = 0; t < T; t++) facts.allowedAfterBattery[d * T + t] = kept[t] ? 1 : 0;
  }
  return facts;
}

interface Rows {
  energyRow: number[];
  allowedRow: boolean[];
  allTrue: boolean[];
}

/**
 * cellFacts's per-class rows, one set per tier count for the whole process: each call
 * rewrites every entry of a row before reading it (the engine is synchronous), and the
 * battery functions read them, never keep them (applyBatteryCap returns a copy).
 */
const rowsByTierCount: Rows[] = [];

function rowsOf(T: number): Rows {
  let rows = rowsByTierCount[T];
  if (!rows) {
    rows = { energyRow: zeros(T), allowedRow: filled<boolean>(T, false), allTrue: filled<boolean>(T, true) };
    // Tier counts are small; a scenario with thousands of tiers allocates as before.
    if (T <= 64) rowsByTierCount[T] = rows;
  }
  return rows;
}
