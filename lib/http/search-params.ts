/**
 * Pages' URL state. The nuqs parsers below return null for a value they cannot read, so a
 * hand-edited or stale address falls back to the default instead of failing the page. They
 * come from `nuqs/server` (no "use client"), so one definition serves the server's loader,
 * the client's `useQueryStates` and the links the pages render.
 */
import { createParser, parseAsStringLiteral } from "nuqs/server";

/** A page's `searchParams` as plain strings (for pages that parse them with zod): the first value of each key, empty values dropped. */
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

/** Text of 1..`maxLength` characters, trimmed; blank is absent (a plain GET form sends `device=` for "All"). */
export function parseAsTrimmedText(maxLength = 200) {
  return createParser<string>({
    parse: (value) => {
      const text = value.trim();
      return text.length >= 1 && text.length <= maxLength ? text : null;
    },
    serialize: (value) => value,
  });
}

/** A whole number in [min, max] written in plain digits ("2", not "2.5", "2e3" or "2abc"). */
export function parseAsBoundedInteger(min: number, max: number) {
  return createParser<number>({
    parse: (value) => {
      if (!/^\d{1,16}$/.test(value.trim())) return null;
      const n = Number(value.trim());
      return n >= min && n <= max ? n : null;
    },
    serialize: (value) => String(value),
  });
}

/** Text that must match `pattern` entirely. */
export function parseAsMatching(pattern: RegExp) {
  return createParser<string>({
    parse: (value) => (pattern.test(value) ? value : null),
    serialize: (value) => value,
  });
}

const sortOrders = ["asc", "desc"] as const;
export const parseAsSortOrder = parseAsStringLiteral(sortOrders);

/** One of `values`, written in plain digits (nuqs's own number literal parser reads "100abc" as 100). */
export function parseAsIntegerLiteral<const Literal extends number>(values: readonly Literal[]) {
  return createParser<Literal>({
    parse: (value) => values.find((v) => /^\d{1,16}$/.test(value.trim()) && v === Number(value.trim())) ?? null,
    serialize: (value) => String(value),
  });
}
