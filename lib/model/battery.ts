/**
 * Energy and battery of edge requests.
 *
 *   energy_t (J)      = powerW·(ttftMs/1000 + out_t/decode)
 *   battery %/user-day = Σ_t requestsPerUserPerDay·share_t·[t on edge]·energy_t / (batteryWh·3600)·100
 *
 * The battery cap is met by moving tiers to the cloud, the one with the most
 * energy per dollar saved first (it buys back the most battery for the least
 * cloud spend), until the day's use is under the cap.
 */
export type BatteryStatus = "ok" | "over_cap" | "unknown";

export function edgeEnergyJ(powerW: number, ttftMs: number, outputTokens: number, decodeTokensPerSec: number): number {
  return powerW * (ttftMs / 1000 + outputTokens / decodeTokensPerSec);
}

/** % of the battery one user spends a day on the tiers marked on the edge. */
export function batteryPctPerUserDay(
  requestsPerUserPerDay: number,
  tierShares: ArrayLike<number>,
  energyJ: ArrayLike<number>,
  onEdge: ArrayLike<boolean>,
  batteryWh: number,
): number {
  let joules = 0;
  for (let t = 0; t < tierShares.length; t++) {
    if (onEdge[t]) joules += requestsPerUserPerDay * (tierShares[t] ?? 0) * (energyJ[t] ?? 0);
  }
  return (joules / (batteryWh * 3600)) * 100;
}

export function batteryStatus(pct: number | null, capPct: number | null): BatteryStatus {
  if (pct === null) return "unknown";
  return capPct !== null && pct > capPct ? "over_cap" : "ok";
}

/**
 * The tiers to move to the cloud so the day's battery use meets the cap: returns
 * a copy of `onEdge` with those tiers cleared. Unchanged when the cap is met.
 */
export function applyBatteryCap(
  requestsPerUserPerDay: number,
  tierShares: ArrayLike<number>,
  energyJ: ArrayLike<number>,
  cloudUsdPerRequest: ArrayLike<number>,
  onEdge: readonly boolean[],
  batteryWh: number,
  capPct: number,
): boolean[] {
  const kept = [...onEdge];
  if (batteryPctPerUserDay(requestsPerUserPerDay, tierShares, energyJ, kept, batteryWh) <= capPct) return kept;
  const order = kept
    .map((edge, t) => ({ t, edge, ratio: energyPerDollar(energyJ[t] ?? 0, cloudUsdPerRequest[t] ?? 0) }))
    .filter((x) => x.edge)
    .sort((a, b) => b.ratio - a.ratio || (energyJ[b.t] ?? 0) - (energyJ[a.t] ?? 0) || a.t - b.t);
  for (const { t } of order) {
    kept[t] = false;
    if (batteryPctPerUserDay(requestsPerUserPerDay, tierShares, energyJ, kept, batteryWh) <= capPct) break;
  }
  return kept;
}

/** Joules per dollar of cloud cost saved; a free cloud request saves nothing, so it moves first. */
function energyPerDollar(energyJ: number, usdPerRequest: number): number {
  if (usdPerRequest > 0) return energyJ / usdPerRequest;
  return energyJ > 0 ? Number.POSITIVE_INFINITY : 0;
}
