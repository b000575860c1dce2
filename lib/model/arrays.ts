/** Small plain arrays: cheaper to allocate than typed arrays at these sizes (a few dozen cells, ≤ 120 months). */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
