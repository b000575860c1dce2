/** Display formatting only: the engine and the database keep full precision. */

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
// Built once: toLocaleString builds a formatter on every call, and these run on every keystroke.
const grouped = new Intl.NumberFormat("en-US");

/** 12345 → "$12.3K"; small amounts keep cents ("$4.20"). */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${sign}$${compact.format(abs)}`;
  if (abs >= 100) return `${sign}$${grouped.format(Math.round(abs))}`;
  return `${sign}$${abs.toFixed(2)}`;
}

/** 4_200_000 → "4.2M". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

export function formatTokensPerSec(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "–" : `${value >= 100 ? Math.round(value) : value.toFixed(1)} tok/s`;
}

const decimal1 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const decimal2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function known(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** A plain figure: whole numbers from 100 up, one decimal below ("–" when unknown). */
export function formatFigure(value: number | null | undefined): string {
  if (!known(value)) return "–";
  return Math.abs(value) >= 100 ? whole.format(value) : Math.abs(value) >= 1 ? decimal1.format(value) : decimal2.format(value);
}

/** 1234.5 → "1,235 ms". */
export function formatMs(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} ms` : "–";
}

/** 3706.35 → "3,706 MB". */
export function formatMB(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} MB` : "–";
}

/** 4.2 → "4.2 W". */
export function formatWatts(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)} W` : "–";
}

/** 12.5 → "12.5%". */
export function formatPct(value: number | null | undefined): string {
  return known(value) ? `${formatFigure(value)}%` : "–";
}

const perMTok = [2, 3, 4].map(
  (digits) => new Intl.NumberFormat("en-US", { minimumFractionDigits: Math.min(digits, 2), maximumFractionDigits: digits }),
) as [Intl.NumberFormat, Intl.NumberFormat, Intl.NumberFormat];

/** A price per 1M tokens keeps the digits that matter: "$15.00", "$0.075", "$0.0375". */
export function formatUsdPerMTok(value: number | null | undefined): string {
  if (!known(value)) return "–";
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return `$${perMTok[digits - 2]!.format(value)}`;
}

/**
 * Numbers inside a sentence written elsewhere (an engine note, a source's remark)
 * rounded for reading: "185.59950132964056 tokens/s" → "186 tokens/s", "0.60317 W" → "0.6 W".
 * Whole numbers, dates and ids (digits next to letters or dashes) are left as written.
 */
export function readableNumbers(text: string): string {
  return text.replace(/(?<![\w.-])(\d+\.\d{3,})(?![\w.-]*\d)/g, (match) => formatFigure(Number(match)));
}
