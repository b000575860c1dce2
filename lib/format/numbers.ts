/** Display formatting only: the engine and the database keep full precision. */

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 12345 → "$12.3K"; small amounts keep cents ("$4.20"). */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const sign = value < 0 ? "−" : "";
  const abs = Math.abs(value);
  if (abs >= 10_000) return `${sign}$${compact.format(abs)}`;
  if (abs >= 100) return `${sign}$${Math.round(abs).toLocaleString("en-US")}`;
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
