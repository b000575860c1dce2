/**
 * Whether two chart series hold the same data: plain objects, arrays and
 * primitives compared all the way down (NaN equals NaN, -0 equals 0). Anything
 * else (a function, a Date, a Map) counts as the same only when it is the same
 * object. The plan's charts compare their series with it, so a change that
 * leaves a chart's figures as they were (a name, another chart's input) does
 * not redraw it.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `memo`'s comparison for components whose props are all data: every prop the same by sameData. */
export function samePropsData<P extends object>(prev: Readonly<P>, next: Readonly<P>): boolean {
  return sameData(prev, next);
}
