/**
 * A variant's file size from its parameters and its quantization's nominal bits
 * (7B at INT4 → 7 × 4 ÷ 8 = 3.5 GB), for variants whose source gives no size.
 * Nominal bits leave out the scales and the unquantized layers a real file
 * carries, so this is the smallest such a file can be: the bandwidth bound it
 * gives is the most generous one, and a decode speed above it is still impossible.
 */

const PATTERNS: [RegExp, number][] = [
  [/\b(fp|f|bf)32\b/i, 32],
  [/\b(fp|f|bf)16\b/i, 16],
  [/\b(int|q|fp|f)8\b|\bq8_/i, 8],
  [/\bq6\b|\bq6_/i, 6],
  [/\bq5\b|\bq5_/i, 5],
  [/\b(int|q|nf|fp)4\b|\bq4_|\biq4/i, 4],
  [/\bq3\b|\bq3_|\biq3/i, 3],
  [/\bq2\b|\bq2_|\biq2/i, 2],
];

/** Nominal bits per weight of a quantization label, or null when it names none. */
export function nominalBitsPerWeight(quantization: string): number | null {
  for (const [pattern, bits] of PATTERNS) if (pattern.test(quantization)) return bits;
  return null;
}

export function inferredSizeGB(paramsB: number, bitsPerWeight: number): number {
  // B·1e9 parameters × bits ÷ 8 bits per byte ÷ 1e9 bytes per GB
  return (paramsB * bitsPerWeight) / 8;
}
