/**
 * Two or more scenarios side by side: every input as a row (tiers and phones
 * matched by their id, not their position), marked where the scenarios differ;
 * the answers' figures in the same rows; and the recommended strategy's
 * cumulative cost month by month on one shared axis.
 */
import type { Plan } from "@/lib/model";
import { fieldLabel, withUnit } from "@/lib/planner/field-labels";
import { deviceKeyOf, type Scenario } from "@/lib/schemas/scenario";
import type { ScenarioLabels } from "./scenario-labels";
import { recommendationSummary } from "./summary";

export interface ComparedScenario {
  /** What the column is called (the scenario's name). */
  title: string;
  scenario: Scenario;
  plan: Plan;
  labels: ScenarioLabels;
}

export interface CompareRow {
  key: string;
  label: string;
  values: string[];
  differs: boolean;
}

const figure = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

function shown(value: unknown, path: string): string {
  if (value === null) return "none";
  if (value === undefined) return "–";
  if (typeof value === "number") {
    const { unit, scale = 1 } = fieldLabel(path);
    return withUnit(figure.format(value * scale), unit);
  }
  if (typeof value === "object") return "custom";
  return String(value);
}

/** Leaf inputs of a scenario: path-for-words → [label, value as shown]. */
function inputsOf(scenario: Scenario, labels: ScenarioLabels): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    if (Array.isArray(value)) return;
    out.set(path, [fieldLabel(path).label, shown(value, path)]);
  };
  const { tiers, devices, edge, cloud, ...rest } = scenario;
  walk(rest, "");
  out.delete("version");
  out.set("edge.variant", ["On-device model", labels.variantName]);
  out.set("edge.runtime", ["Runtime", edge.runtime]);
  out.set("edge.runs", ["Speed overrides", edge.runs.length === 0 ? "none" : String(edge.runs.length)]);
  out.set("cloud.price", ["Cloud model", labels.priceName]);
  // Every cloud figure but the price (named above), so a parameter added to the cloud shows up here.
  walk(Object.fromEntries(Object.entries(cloud).filter(([key]) => key !== "price")), "cloud");
  for (const tier of tiers) {
    for (const field of ["share", "inputTokens", "outputTokens", "minQuality"] as const) {
      const words = fieldLabel(`tiers.0.${field}`).label.replace("Tier 1's", `Tier “${tier.id}”:`);
      out.set(`tier:${tier.id}:${field}`, [words, shown(tier[field], `tiers.0.${field}`)]);
    }
  }
  for (const entry of devices) {
    const key = deviceKeyOf(entry.device);
    const name = typeof entry.device === "string" ? (labels.deviceNames[key] ?? key) : entry.device.name;
    out.set(`device:${key}`, [`Share of users on ${name}`, shown(entry.share, "devices.0.share")]);
  }
  return out;
}

export function compareInputs(scenarios: readonly ComparedScenario[]): CompareRow[] {
  const maps = scenarios.map((s) => inputsOf(s.scenario, s.labels));
  const keys: string[] = [];
  for (const map of maps) for (const key of map.keys()) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) => {
    const label = maps.find((m) => m.has(key))!.get(key)![0];
    // A tier or phone one scenario lacks is "not in this scenario", which differs from any value.
    const values = maps.map((m) => m.get(key)?.[1] ?? "not in this scenario");
    return { key, label, values, differs: new Set(values).size > 1 };
  });
}

/** The answer's figures of each scenario in the same rows as the recommendation card shows them. */
export function compareResults(scenarios: readonly ComparedScenario[]): CompareRow[] {
  const summaries = scenarios.map((s) => recommendationSummary(s.plan, s.labels));
  const first = summaries[0]?.figures ?? [];
  return first.map((f, i) => {
    // Horizons may differ: the row is named by the figure, not by the first scenario's horizon.
    const values = summaries.map((s) => s.figures[i]?.value ?? "–");
    const label = f.testId === "rec-month-last" ? "Bill, last month" : f.testId === "rec-tco" ? "TCO over the horizon" : f.label;
    return { key: f.testId, label, values, differs: new Set(values).size > 1 };
  });
}

/** Month 0 (set-up) to the longest horizon: each scenario's recommended strategy, cumulative USD. */
export function compareCumulative(scenarios: readonly ComparedScenario[]): Record<string, number | null>[] {
  const months = Math.max(0, ...scenarios.map((s) => s.plan.horizonMonths));
  const rows: Record<string, number | null>[] = [];
  for (let m = 0; m <= months; m++) {
    const row: Record<string, number | null> = { month: m };
    scenarios.forEach((s, i) => {
      const chosen = s.plan.strategies[s.plan.recommendation.strategy];
      row[`s${i}`] = m === 0 ? chosen.setupUsd : (chosen.monthly[m - 1]?.cumulativeUsd ?? null);
    });
    rows.push(row);
  }
  return rows;
}
