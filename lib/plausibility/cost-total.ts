/**
 * A cost table's totals must follow from its own per-token prices:
 *   total = tokens per period ÷ 1e6 × USD per 1M tokens × periods.
 */
import { finding, num, usd, type Finding } from "./finding";

/** Stated and computed totals may differ by this share (rounding in articles). */
export const COST_TOLERANCE = 0.02;

export interface CostRow {
  label: string;
  /** Tokens per period (e.g. per month). */
  tokens: number;
  usdPerMTok: number;
  /** Number of periods the stated total covers (36 for a 3-year table of monthly volume). */
  periods?: number;
  statedUsd: number;
}

export function expectedCostUsd(row: Omit<CostRow, "label" | "statedUsd">): number {
  return (row.tokens / 1e6) * row.usdPerMTok * (row.periods ?? 1);
}

export function checkCostRow(row: CostRow): Finding {
  const expected = expectedCostUsd(row);
  const diff = Math.abs(row.statedUsd - expected);
  // A cent of slack so that rounding to cents never fails a row.
  const ok = diff <= Math.max(0.01, COST_TOLERANCE * expected);
  const periods = row.periods && row.periods !== 1 ? ` × ${num(row.periods)} periods` : "";
  const math = `${num(row.tokens, 0)} tokens × ${usd(row.usdPerMTok)}/1M${periods} = ${usd(expected)}`;
  if (ok) return finding("cost-total", true, `${row.label}: ${usd(row.statedUsd)} follows from ${math}`);
  const ratio = expected > 0 && row.statedUsd > 0 ? Math.max(expected / row.statedUsd, row.statedUsd / expected) : null;
  const off = ratio === null ? "" : ` (${num(ratio, 1)}× ${row.statedUsd > expected ? "too high" : "too low"})`;
  return finding("cost-total", false, `${row.label}: stated ${usd(row.statedUsd)}, but ${math}${off}`);
}

/** Every row of a table; the failing ones carry the arithmetic. */
export function checkCostTable(rows: readonly CostRow[]): Finding[] {
  return rows.map(checkCostRow);
}
