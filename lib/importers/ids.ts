/**
 * Dataset ids are slugs (see slugSchema): files refer to each other by them,
 * so every importer derives them the same way.
 */

/** "Qwen3 1.7B" → "qwen3-1.7b"; null when nothing usable is left. */
export function slugify(text: string): string | null {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/[-._]+$/, "")
    .slice(0, 120);
  return slug === "" ? null : slug;
}

/** Variant ids are `${modelId}-${quantization}` in lowercase: "qwen3-1.7b-q4_k_m". */
export function variantId(modelId: string, quantization: string): string | null {
  return slugify(`${modelId}-${quantization}`);
}

/** Rounds away binary noise (0.30000000000000004) while keeping every real digit. */
export function clean(value: number, significantDigits = 12): number {
  return Number(value.toPrecision(significantDigits));
}

/** Rounds to a fixed number of decimals (sizes in GB to the MB, for stable ids across files). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
