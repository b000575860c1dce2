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
