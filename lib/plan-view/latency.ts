/**
 * Latency of one request per tier on each device class (burst, and sustained once
 * the phone throttles) and on the cloud, against the latency budget.
 *
 * Each tier is two stacked bars: the burst latency, then the extra a throttled
 * phone adds (sustained − burst), so one bar shows both figures. Series keys are
 * positional ("t0_burst") because tier ids are free text and Recharts reads dots
 * in a dataKey as a path.
 */
import type { Plan } from "@/lib/model";
import { niceAxis, type NiceAxis } from "./nice-scale";
import { shortLabel } from "./short-label";

export interface LatencyTierKey {
  tierId: string;
  burstKey: string;
  extraKey: string;
}

export interface LatencyRow {
  /** The axis label (cut short). */
  category: string;
  /** The full name, for the tooltip. */
  name: string;
  deviceId: string | null;
  /** Why a class has no edge latency (cannot run the model), null otherwise. */
  note: string | null;
  /** `t{i}_burst`, `t{i}_extra` (ms) and `t{i}_sustained`; null when the class cannot run the model. */
  [key: string]: string | number | null;
}

export interface LatencySeries {
  tiers: LatencyTierKey[];
  rows: LatencyRow[];
  budgetMs: number | null;
  /** The value axis: up to the tallest bar (sustained on a phone, or the cloud) or the budget, in nice steps. */
  axis: NiceAxis;
  /** Chart height: room for every bar; it changes only when a class or a tier is added. */
  heightPx: number;
}

/** Bars are horizontal (long phone names read on the category axis): each tier a bar per class. */
export function latencyChartHeightPx(classCount: number, tierCount: number): number {
  return Math.min(900, Math.max(260, 90 + classCount * (tierCount * 12 + 16)));
}

export const CLOUD_CATEGORY = "Cloud";

export function latencySeries(plan: Plan): LatencySeries {
  const tiers = plan.tiers.map((t, i) => ({ tierId: t.tierId, burstKey: `t${i}_burst`, extraKey: `t${i}_extra` }));
  let maxMs = 0;
  const rows: LatencyRow[] = plan.devices.map((device) => {
    const row: LatencyRow = {
      category: shortLabel(device.name),
      name: device.name,
      deviceId: device.deviceId,
      note: device.plannable ? null : (device.reason ?? "cannot run the model"),
    };
    device.tiers.forEach((figures, i) => {
      const burst = figures.burstLatencyMs;
      const sustained = figures.sustainedLatencyMs ?? burst;
      row[`t${i}_burst`] = burst;
      row[`t${i}_extra`] = burst === null || sustained === null ? null : Math.max(0, sustained - burst);
      row[`t${i}_sustained`] = sustained;
      if (sustained !== null) maxMs = Math.max(maxMs, sustained);
    });
    return row;
  });
  const cloud: LatencyRow = { category: CLOUD_CATEGORY, name: "Cloud API (network round trip + first token + output)", deviceId: null, note: null };
  plan.tiers.forEach((tier, i) => {
    cloud[`t${i}_burst`] = tier.cloudLatencyMs;
    cloud[`t${i}_extra`] = 0;
    cloud[`t${i}_sustained`] = tier.cloudLatencyMs;
    maxMs = Math.max(maxMs, tier.cloudLatencyMs);
  });
  rows.push(cloud);
  const budget = plan.inputs["constraints.latencyBudgetMs"]?.value;
  const budgetMs = typeof budget === "number" ? budget : null;
  return {
    tiers,
    rows,
    budgetMs,
    axis: niceAxis(Math.max(maxMs, budgetMs ?? 0)),
    heightPx: latencyChartHeightPx(rows.length, tiers.length),
  };
}
