/**
 * How many runs the benchmark charts fetch at most, so that a 100,000-run filter still
 * draws fast: the page asks for them (app/benchmarks/load-charts.ts) and the digest stores
 * the unfiltered charts' runs for them (db/queries/version-learning.ts).
 */
export interface ChartRunLimits {
  /** Scatter points drawn at most (an even sample of the filtered runs). */
  sample: number;
  /** Runs above the bandwidth bound fetched at most (all are drawn and listed). */
  aboveBound: number;
  /** Runs with power, battery or throttling figures fetched at most. */
  energy: number;
}

export const CHART_RUN_LIMITS: ChartRunLimits = { sample: 1000, aboveBound: 500, energy: 40 };
