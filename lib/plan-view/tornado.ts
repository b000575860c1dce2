/**
 * The tornado: which inputs move the hybrid's savings against cloud-only most.
 * The engine (lib/model/sensitivity.ts) moves each input ±25 % and re-evaluates
 * the savings; this turns its bars into rows people can read: the input's name
 * with its unit, the values tried, and the savings at each, relative to the base.
 * Names, units and value formats come from the parameter catalogue.
 *
 * Each row is drawn as two range bars that start at the base savings, one for
 * the input 25 % lower and one for 25 % higher. When both move the savings the
 * same way, the longer one starts where the shorter ends, so the two never overlap
 * and each keeps its colour (the exact figures are in the tooltip and the table).
 */
import { formatFigure, formatMs, formatPct, formatShare, formatUsdExact, formatUsdPerMTok, formatUsdPrecise, formatUsers } from "@/lib/format/numbers";
import type { Plan } from "@/lib/model";
import { niceRange, type NiceRange } from "./nice-scale";
import { shortLabel } from "./short-label";
import { tornadoRange, type TornadoFormat } from "@/lib/scenario-params/catalogue";

interface InputLabel {
  name: string;
  /** Shown after the name, in parentheses; null when the name or the values carry it ("per day", "$", "ms"). */
  unit: string | null;
  /** An input value as people read it; `base` for inputs shown as a factor of today's. */
  value: (value: number, base: number) => string;
}

/** Inputs the engine scales across tiers or devices: their sum means nothing, the factor does. */
const factor = (value: number, base: number) => (base !== 0 ? `×${Number((value / base).toFixed(2))}` : "–");

/** The catalogue's value formats (lib/scenario-params/catalogue.ts), as formatters. */
const FORMATS: Record<TornadoFormat, InputLabel["value"]> = {
  users: (v) => formatUsers(v),
  figure: (v) => formatFigure(v),
  factor,
  usdPerMTok: (v) => formatUsdPerMTok(v),
  share: (v) => formatShare(v),
  usdExact: (v) => formatUsdExact(v),
  usdPrecise: (v) => formatUsdPrecise(v),
  ms: (v) => formatMs(v),
  pct: (v) => formatPct(v),
};

/** Inputs that move only the hybrid's fixed costs: a tornado of these alone says nothing about the edge. */
const FIXED_COST_INPUTS = new Set(["costs.setupUsd.hybrid"]);

type TornadoBar = Plan["sensitivity"]["tornado"][number];

export interface TornadoRow {
  /** The engine's input path, e.g. "traffic.monthlyActiveUsers". */
  input: string;
  /** Name with unit: "Cloud output price (per 1M tokens)". */
  label: string;
  /** Name alone: "Cloud output price". */
  name: string;
  /** The axis label (cut short); the full label goes to the tooltip. */
  category: string;
  baseText: string;
  lowText: string;
  highText: string;
  savingsAtLowUsd: number;
  savingsAtHighUsd: number;
  /** Savings at the lower / higher value minus the base savings. */
  lowDeltaUsd: number;
  highDeltaUsd: number;
  swingUsd: number;
  /** Whether the input moves the savings at all (more than float noise). */
  moves: boolean;
  /** [start, end] of each bar on the savings axis (see the file comment). */
  lowBar: [number, number];
  highBar: [number, number];
}

export interface TornadoSeries {
  /** The hybrid's savings against cloud-only at the scenario's values. */
  baseSavingsUsd: number;
  /** Every input the engine moved, largest swing first: what the table lists. */
  rows: TornadoRow[];
  /** The rows that move the savings: what the chart draws. */
  shown: TornadoRow[];
  /** Names (without units) of the inputs that do not move the savings at ±25 %. */
  noEffect: string[];
  /** Why there is no chart, or null when there is one. */
  empty: string | null;
  axis: NiceRange;
  /** Chart height: one row per shown input; it changes only when an input starts or stops mattering. */
  heightPx: number;
}

function labelOf(bar: TornadoBar): InputLabel {
  const range = tornadoRange(bar.input);
  if (range === undefined) return { name: bar.label, unit: null, value: (v) => formatFigure(v) };
  return { name: range.name, unit: range.unit, value: FORMATS[range.format] };
}

/** Two bars from the base that never overlap: the longer starts where the shorter ends when both go the same way. */
function barRanges(base: number, low: number, high: number): Pick<TornadoRow, "lowBar" | "highBar"> {
  const dLow = low - base;
  const dHigh = high - base;
  if (Math.sign(dLow) !== Math.sign(dHigh) || dLow === 0) return { lowBar: [base, low], highBar: [base, high] };
  return Math.abs(dLow) <= Math.abs(dHigh) ? { lowBar: [base, low], highBar: [low, high] } : { lowBar: [high, low], highBar: [base, high] };
}

function row(bar: TornadoBar, base: number, scale: number): TornadoRow {
  const label = labelOf(bar);
  const full = label.unit ? `${label.name} (${label.unit})` : label.name;
  return {
    input: bar.input,
    label: full,
    name: label.name,
    category: shortLabel(label.name, 28),
    baseText: label.value(bar.baseValue, bar.baseValue),
    lowText: label.value(bar.lowValue, bar.baseValue),
    highText: label.value(bar.highValue, bar.baseValue),
    savingsAtLowUsd: bar.savingsAtLowUsd,
    savingsAtHighUsd: bar.savingsAtHighUsd,
    lowDeltaUsd: bar.savingsAtLowUsd - base,
    highDeltaUsd: bar.savingsAtHighUsd - base,
    swingUsd: bar.swingUsd,
    moves: moves(bar.swingUsd, scale),
    ...barRanges(base, bar.savingsAtLowUsd, bar.savingsAtHighUsd),
  };
}

/**
 * A swing below half a cent (or float noise on large totals) is no swing: the
 * engine re-sums the same costs in another order and leaves ~1e-12 behind.
 */
function moves(swing: number, scale: number): boolean {
  return swing > Math.max(0.005, 1e-9 * scale);
}

export function tornadoSeries(plan: Plan): TornadoSeries {
  const base = plan.sensitivity.baseSavingsUsd;
  const bars = [...plan.sensitivity.tornado].sort((a, b) => b.swingUsd - a.swingUsd);
  const scale = Math.max(Math.abs(base), ...bars.map((b) => Math.max(Math.abs(b.savingsAtLowUsd), Math.abs(b.savingsAtHighUsd))));
  const rows = bars.map((bar) => row(bar, base, scale));
  const shown = rows.filter((r) => r.moves);
  const empty =
    rows.length === 0
      ? "No sensitivity figures in this plan."
      : shown.every((r) => FIXED_COST_INPUTS.has(r.input))
        ? plan.strategies.hybrid.shippedDeviceIds.length === 0
          ? "The hybrid runs nothing on phones here: only its own set-up cost moves its savings."
          : "No input moves the hybrid's savings at ±25%."
        : null;
  const drawn = empty === null ? shown : [];
  const ends = drawn.flatMap((r) => [r.savingsAtLowUsd, r.savingsAtHighUsd]);
  return {
    baseSavingsUsd: base,
    rows,
    shown: drawn,
    noEffect: rows.filter((r) => !r.moves).map((r) => r.name),
    empty,
    axis: niceRange(Math.min(base, ...ends), Math.max(base, ...ends)),
    heightPx: empty === null ? Math.max(160, 70 + drawn.length * 34) : 60,
  };
}

/** A change in savings with its sign: "+$4,565", "−$2,103"; under half a cent is "$0" (float noise, not a change). */
export function formatUsdDelta(value: number): string {
  if (Math.abs(value) < 0.005) return "$0";
  return `${value > 0 ? "+" : ""}${formatUsdExact(value)}`;
}
