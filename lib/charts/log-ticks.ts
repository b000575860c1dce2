/**
 * Ticks for a logarithmic axis: 1-2-5 steps of each power of ten, from the
 * largest at or below `min` to the first at or above `max`. The first and last
 * are the axis domain. Empty when either bound is not a positive number.
 */
const STEPS = [1, 2, 5];

export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > 0 && Number.isFinite(min) && Number.isFinite(max))) return [];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  let ticks: number[] = [];
  for (let exp = Math.floor(Math.log10(lo)); ; exp += 1) {
    for (const step of STEPS) {
      // toPrecision: 2 × 0.1 is 0.2, not 0.20000000000000001.
      const tick = Number((step * 10 ** exp).toPrecision(12));
      if (tick <= lo) {
        ticks = [tick];
        continue;
      }
      ticks.push(tick);
      if (tick >= hi) return ticks;
    }
  }
}
