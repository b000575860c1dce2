/**
 * Battery a user spends a day on the feature, per device class: with every tier
 * on the phone (what running the feature locally costs) and under the hybrid's
 * routing, against the cap. Classes whose battery is unknown are listed apart.
 */
import type { Plan } from "@/lib/model";
import { niceAxis, type NiceAxis } from "./nice-scale";
import { shortLabel } from "./short-label";

export interface BatteryRow {
  category: string;
  name: string;
  deviceId: string;
  allEdgePct: number;
  hybridPct: number;
  overCap: boolean;
}

export interface BatterySeries {
  rows: BatteryRow[];
  /** Classes without a figure, with the reason. */
  unknown: { name: string; note: string }[];
  capPct: number | null;
  /** The value axis: up to the largest figure or the cap, in nice steps. */
  axis: NiceAxis;
  /** Chart height: two bars per class; it changes only when a class is added. */
  heightPx: number;
}

export function batterySeries(plan: Plan): BatterySeries {
  const nameOf = new Map(plan.devices.map((d) => [d.deviceId, d.name]));
  const plannable = new Map(plan.devices.map((d) => [d.deviceId, d.plannable]));
  const rows: BatteryRow[] = [];
  const unknown: BatterySeries["unknown"] = [];
  for (const entry of plan.battery) {
    const name = nameOf.get(entry.deviceId) ?? entry.deviceId;
    if (!plannable.get(entry.deviceId)) {
      unknown.push({ name, note: entry.note ?? "cannot run the model" });
    } else if (entry.pctPerUserDay === null) {
      unknown.push({ name, note: entry.note ?? "battery capacity unknown" });
    } else if (!Number.isFinite(entry.pctPerUserDay) || !Number.isFinite(entry.hybridPctPerUserDay ?? 0)) {
      // A figure no bar can draw (a near-zero battery against a huge power draw): said, not plotted.
      unknown.push({ name, note: "battery use too large to chart (check the device's battery and the run's power)" });
    } else {
      rows.push({
        category: shortLabel(name),
        name,
        deviceId: entry.deviceId,
        allEdgePct: entry.pctPerUserDay,
        hybridPct: entry.hybridPctPerUserDay ?? 0,
        overCap: entry.status === "over_cap",
      });
    }
  }
  const cap = plan.inputs["constraints.maxBatteryPctPerUserDay"]?.value;
  const capPct = typeof cap === "number" ? cap : null;
  const maxPct = Math.max(capPct ?? 0, ...rows.map((r) => Math.max(r.allEdgePct, r.hybridPct)));
  return { rows, unknown, capPct, axis: niceAxis(maxPct), heightPx: Math.min(700, Math.max(200, 90 + rows.length * 40)) };
}
