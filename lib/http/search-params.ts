/** A page's `searchParams` as plain strings for zod: the first value of each key, empty values dropped. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function firstSearchParamValues(raw: RawSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    // A plain GET form sends `device=` for "All": absent, not an empty filter.
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}
