/**
 * What people type into a number field: "50000", "50,000", "50k", "1.2M", "0.5",
 * "-3". Suffixes k/M/B multiply by 1e3/1e6/1e9. Empty is its own result so a
 * field that allows "none" (a budget, a cap) can tell it from a typo.
 */
export type NumberInput = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid" };

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

export function parseNumberInput(text: string): NumberInput {
  const trimmed = text.trim().replace(/[,_\s]/g, "").replace(/^−/, "-");
  if (trimmed === "") return { kind: "empty" };
  const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([kmb])?$/i.exec(trimmed);
  if (!match) return { kind: "invalid" };
  const multiplier = match[2] ? SUFFIX[match[2].toLowerCase()]! : 1;
  const value = Number(match[1]) * multiplier;
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
}

/** A number as an input shows it: no float noise (0.1 × 100 is 10, not 10.000000000000002), no grouping. */
export function formatNumberInput(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  return String(Number(value.toPrecision(12)));
}
