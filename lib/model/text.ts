/**
 * Number formatting for the plan's reasons and warnings only (values in the plan
 * stay unrounded). Hand-rolled rather than Intl: Intl.NumberFormat#format costs
 * about a microsecond a call, and the engine reruns on every keystroke.
 */

/** "1234567" → "1,234,567" (the digits of a non-negative integer). */
function groupDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = "";
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += (out ? "," : "") + digits.slice(i, i + 3);
  return out;
}

/** Up to `maxFractionDigits` decimals, trailing zeros dropped, thousands separated: 16 → "16", 35.789 → "35.79". */
export function fixed(value: number, maxFractionDigits: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e21) return value.toExponential(2);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  // Whole numbers up to 2^53 (most counts and many figures) print the same without toFixed.
  let text = Number.isSafeInteger(abs) ? String(abs) : abs.toFixed(maxFractionDigits);
  let dot = text.indexOf(".");
  if (dot >= 0) {
    // Trailing zeros, then a bare point, go.
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    if (end - 1 === dot) end = dot;
    text = text.slice(0, end);
    if (end === dot) dot = -1;
  }
  const whole = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot);
  const out = groupDigits(whole) + frac;
  return out === "0" ? "0" : sign + out;
}

export function whole(value: number): string {
  return fixed(value, 0);
}

export function ms(value: number): string {
  return `${fixed(value, 0)} ms`;
}

export function usd(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return `$${value}`;
  const sign = value < 0 ? "-" : "";
  const [intPart = "0", frac = "00"] = Math.abs(value).toFixed(2).split(".");
  return `${sign}$${groupDigits(intPart)}.${frac}`;
}

/** Three significant digits: 28.3, 1,230, 0.0741. */
export function sig(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(3));
  const abs = Math.abs(rounded);
  if (abs >= 1e21 || abs < 1e-6) return rounded.toPrecision(3);
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return fixed(rounded, decimals);
}

export function pct(share: number): string {
  return `${sig(share * 100)}%`;
}
