/** The smallest "nice" number (1, 2, 2.5, 5 × 10^k) at or above a value: a y-axis top that reads well. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    // The tolerance keeps a value already on a step (float noise in a sum) from jumping to the next one.
    if (step * magnitude >= value * (1 - 1e-12)) return step * magnitude;
  }
  return 10 * magnitude;
}

export interface NiceAxis {
  /** The axis top: a whole number of steps, at or above the largest value. */
  top: number;
  ticks: number[];
}

/** Ticks at a nice step from 0 to just above `max`, about `count` of them. */
export function niceAxis(max: number, count = 4): NiceAxis {
  // An infinite or NaN figure has no place on an axis (the series list it apart); without this
  // guard Array.from below gets an infinite length and the chart throws "Invalid array length".
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  const step = niceCeil(top > 0 ? top / count : 0.25);
  const steps = Math.max(1, Math.ceil((top * (1 - 1e-12)) / step));
  // Multiplying (not adding) keeps 0.1-steps free of float drift: 3 × 0.1, not 0.1 + 0.1 + 0.1.
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { top: ticks[ticks.length - 1]!, ticks };
}

export interface NiceRange {
  domain: [number, number];
  ticks: number[];
}

/**
 * Ticks at a nice step covering [min, max], for an axis that may cross zero
 * (savings can be negative). Zero is always a tick when the range spans it,
 * since every tick is a whole multiple of the step.
 */
export function niceRange(min: number, max: number, count = 4): NiceRange {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 0;
  if (lo > hi) [lo, hi] = [hi, lo];
  // A single value still gets an axis around it.
  const span = hi - lo > 0 ? hi - lo : Math.abs(hi) || 1;
  const step = niceCeil(span / count);
  const first = Math.floor((lo * (1 + Math.sign(lo) * 1e-12)) / step);
  const last = Math.ceil((hi * (1 - Math.sign(hi) * 1e-12)) / step);
  const steps = Math.max(1, last - first);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)) || 0);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}
