/**
 * Small plain arrays: cheaper to allocate than typed arrays at these sizes (a few dozen cells,
 * ≤ 120 months). Filled by push rather than `new Array(n).fill(0)`, which makes a holey array
 * that every later read checks for holes.
 */
export function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/** `n` copies of `value`, packed like zeros(). */
export function filled<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}

/**
 * zeros() and filled() for arrays a re-evaluation consumes at once (the tornado's and the
 * ranges' cells and routings): the same code at allocation sites of their own. V8 decides per
 * site whether to allocate in the old generation; a site whose arrays are kept (a plan's base
 * evaluation, kept by its parts built when read) can be switched there, and the
 * re-evaluations' arrays, which die at once, must not follow it.
 */
export function transientZeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

export function transientFilled<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}
