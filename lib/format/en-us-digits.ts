/**
 * The few en-US number formats the app uses, written out by their digits instead of
 * Intl.NumberFormat: the page's first Intl.NumberFormat loads the browser's number data,
 * ≈ 60–80 ms at a 4× slowed CPU, on the way to the planner's first keystroke. The output
 * equals Intl.NumberFormat("en-US", …)'s for the same options (tests/format/en-us-digits.test.ts
 * holds them equal): rounding is half away from zero on the number's shortest decimal
 * form (what ICU rounds; toFixed rounds the binary value, so 1.005 → "1.00" there, "1.01" here).
 */

/** A number's shortest decimal form: value = 0.digits × 10^point, digits without leading zeros ("" for 0). */
interface Decimal {
  digits: string;
  point: number;
}

function decimalOf(abs: number): Decimal {
  const [mantissa = "0", exponent = "0"] = String(abs).split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const all = whole + fraction;
  const lead = all.length - all.replace(/^0+/, "").length;
  const digits = all.slice(lead).replace(/0+$/, "");
  return digits === "" ? { digits: "", point: 0 } : { digits, point: whole.length - lead + Number(exponent) };
}

/** Rounded half away from zero to `keep` digits after the leading position (`keep` may be ≤ 0). */
function roundDigits(d: Decimal, keep: number): Decimal {
  if (d.digits.length <= keep) return d;
  if (keep < 0) return { digits: "", point: 0 };
  const up = d.digits.charCodeAt(keep) >= 53; // "5"
  let kept = d.digits.slice(0, keep);
  let point = d.point;
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === "9") i--;
    if (i < 0) {
      kept = "1";
      point += 1;
    } else {
      kept = kept.slice(0, i) + String(Number(kept[i]) + 1);
    }
  }
  kept = kept.replace(/0+$/, "");
  return kept === "" ? { digits: "", point: 0 } : { digits: kept, point };
}

function grouped(whole: string, minDigitsToGroup: number): string {
  if (whole.length < minDigitsToGroup) return whole;
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1234.5" from a Decimal, the fraction padded to `minFraction` digits. */
function written(d: Decimal, minFraction: number, minDigitsToGroup: number): string {
  const { digits, point } = d;
  const whole = digits === "" || point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  const fraction = (point < 0 ? "0".repeat(-point) + digits : digits.slice(Math.max(point, 0))).padEnd(minFraction, "0");
  return `${grouped(whole, minDigitsToGroup)}${fraction ? `.${fraction}` : ""}`;
}

function signed(value: number, text: string): string {
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}

/** Intl.NumberFormat("en-US", { minimumFractionDigits, maximumFractionDigits }).format. */
export function fractionFormat(minFraction: number, maxFraction: number): (value: number) => string {
  return (value) => {
    if (!Number.isFinite(value)) return String(value);
    const d = decimalOf(Math.abs(value));
    return signed(value, written(roundDigits(d, d.point + maxFraction), minFraction, 4));
  };
}

/** Intl.NumberFormat("en-US", { maximumSignificantDigits }).format. */
export function significantFormat(maxSignificant: number): (value: number) => string {
  return (value) => {
    if (!Number.isFinite(value)) return String(value);
    return signed(value, written(roundDigits(decimalOf(Math.abs(value)), maxSignificant), 0, 4));
  };
}

const COMPACT_SUFFIXES = ["", "K", "M", "B", "T"];

/** Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format: "12.3K", "1M", "1500T". */
export function compactFormat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = decimalOf(Math.abs(value));
  if (d.digits === "") return signed(value, "0");
  let power = Math.min(Math.max(Math.floor((d.point - 1) / 3), 0), COMPACT_SUFFIXES.length - 1);
  let rounded = roundDigits({ digits: d.digits, point: d.point - 3 * power }, d.point - 3 * power + 1);
  // Rounding up into the next thousand moves to its suffix: 999,950 → "1M", not "1000K".
  if (rounded.point > 3 && power < COMPACT_SUFFIXES.length - 1) {
    power += 1;
    rounded = roundDigits({ digits: d.digits, point: d.point - 3 * power }, d.point - 3 * power + 1);
  }
  // Compact notation groups from five whole digits on ("1000T", "10,000T").
  return signed(value, `${written(rounded, 0, 5)}${COMPACT_SUFFIXES[power]}`);
}
