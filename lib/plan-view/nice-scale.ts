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
  const step = niceCeil(max > 0 && Number.isFinite(max) ? max / count : 0.25);
  const steps = Math.max(1, Math.ceil((max * (1 - 1e-12)) / step));
  // Multiplying (not adding) keeps 0.1-steps free of float drift: 3 × 0.1, not 0.1 + 0.1 + 0.1.
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { top: ticks[ticks.length - 1]!, ticks };
}
