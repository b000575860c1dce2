/**
 * Formats the results use beyond lib/format/numbers: the tables show whole
 * dollars (a table is where people read exact figures), shares as percentages.
 */
import { formatCount, formatFigure } from "@/lib/format/numbers";

const wholeUsd = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeCount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compactTick = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** 51692.45 → "$51,692"; below $100 keeps cents ("$4.36"); "–" when unknown. */
export function formatUsdExact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  return `${sign}$${abs < 100 ? cents.format(abs) : wholeUsd.format(abs)}`;
}

/** A share 0..1 as a percentage: 0.153 → "15.3%". */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${formatFigure(value * 100)}%`;
}

/** 12345678.9 → "12,345,679". */
export function formatWholeCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "–" : wholeCount.format(value);
}

export function formatMonth(month: number | null): string {
  return month === null ? "never" : `month ${month}`;
}

/** Small amounts keep three significant digits: 0.01034 → "$0.0103"; from $1 up as formatUsdExact. */
export function formatUsdPrecise(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (Math.abs(value) >= 1 || value === 0) return formatUsdExact(value);
  return `${value < 0 ? "−" : ""}$${Number(Math.abs(value).toPrecision(3))}`;
}

/** An axis tick in dollars: "$0", "$0.5", "$500", "$1.5K", "$1M" (no cents on round ticks). */
export function formatUsdTick(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value === 0) return "$0";
  const abs = Math.abs(value);
  const sign = value < 0 ? "−" : "";
  return abs >= 1000 ? `${sign}$${compactTick.format(abs)}` : `${sign}$${Number(abs.toPrecision(3))}`;
}

/** A user count as people read it: whole users, compact from 10,000 ("4,434", "263.6K"). */
export function formatUsers(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return formatCount(Math.round(value));
}
