/**
 * Every number the app shows is formatted here (display only: the engine and the
 * database keep full precision). Money: `formatUsd` compact for prose and answers
 * ("$12.3K"), `formatUsdExact` whole dollars for tables, `formatUsdPrecise` for small
 * unit costs, `formatUsdPerMTok` for prices, `formatUsdTick` for axes. Unknown is "–".
 */
import { compactFormat, fractionFormat } from "./en-us-digits";

/*
 * The en-US formats are written by their digits, equal to Intl.NumberFormat's
 * (lib/format/en-us-digits.ts): the page's first Intl.NumberFormat costs the planner's
 * first keystroke ≈ 60–80 ms at a 4× slowed CPU.
 */
const compact = compactFormat;
const grouped = fractionFormat(0, 3);
const decimal1 = fractionFormat(0, 1);
const decimal2 = fractionFormat(0, 2);
const whole = fractionFormat(0, 0);
const cents = fractionFormat(2, 2);

/** 12345 → "$12.3K"; small amounts keep cents ("$4.20"). */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${sign}$${compact(abs)}`;
  if (abs >= 100) return `${sign}$${grouped(Math.round(abs))}`;
  return `${sign}$${abs.toFixed(2)}`;
}

/** 4_200_000 → "4.2M". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.abs(value) >= 10_000 ? compact(value) : decimal1(value);
}

export function formatTokensPerSec(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "–" : `${value >= 100 ? Math.round(value) : value.toFixed(1)} tok/s`;
}

function known(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** A plain figure: whole numbers from 100 up, one decimal below ("–" when unknown). */
export function formatFigure(value: number | null | undefined): string {
  if (!known(value)) return "–";
  return Math.abs(value) >= 100 ? whole(value) : Math.abs(value) >= 1 ? decimal1(value) : decimal2(value);
}

/** 1234.5 → "1,235 ms". */
export function formatMs(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} ms` : "–";
}

/** 3706.35 → "3,706 MB". */
export function formatMB(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} MB` : "–";
}

/** A file size in decimal GB, to two decimals: 1.0564 → "1.06 GB", 17.3 → "17.3 GB". */
export function formatGB(value: number | null | undefined): string {
  return known(value) ? `${decimal2(value)} GB` : "–";
}

/** 4.2 → "4.2 W". */
export function formatWatts(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} W` : "–";
}

/** 12.5 → "12.5%". */
export function formatPct(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)}%` : "–";
}

const perMTok = [2, 3, 4].map((digits) => fractionFormat(Math.min(digits, 2), digits));

/** A price per 1M tokens keeps the digits that matter: "$15.00", "$0.075", "$0.0075" (three from a cent, four below). */
export function formatUsdPerMTok(value: number | null | undefined): string {
  if (!known(value)) return "–";
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return `$${perMTok[digits - 2]!(value)}`;
}

/**
 * Numbers inside a sentence written elsewhere (an engine note, a source's remark)
 * rounded for reading: "185.59950132964056 tokens/s" → "186 tokens/s", "0.60317 W" → "0.6 W".
 * Whole numbers, dates and ids (digits next to letters or dashes) are left as written.
 */
export function readableNumbers(text: string): string {
  return text.replace(/(?<![\w.-])(\d+\.\d{3,})(?![\w.-]*\d)/g, (match) => formatFigure(Number(match)));
}

/** 51692.45 → "$51,692"; below $100 keeps cents ("$4.36"); "–" when unknown. */
export function formatUsdExact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  return `${sign}$${abs < 100 ? cents(abs) : whole(abs)}`;
}

/** A share 0..1 as a percentage: 0.153 → "15.3%". */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${formatFigure(value * 100)}%`;
}

/** 12345678.9 → "12,345,679". */
export function formatWholeCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "–" : whole(value);
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
  return abs >= 1000 ? `${sign}$${compact(abs)}` : `${sign}$${Number(abs.toPrecision(3))}`;
}

/** A user count as people read it: whole users, compact from 10,000 ("4,434", "263.6K"). */
export function formatUsers(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return formatCount(Math.round(value));
}

/** A ratio as a multiple: 1.734 → "1.7×", 123.4 → "123×", 0.456 → "0.46×". */
export function formatMultiple(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)}×` : "–";
}
