/**
 * The benchmark charts of a filtered set of runs: queries from db/queries, series
 * from lib/charts. Points are capped (lib/benchmarks/chart-limits.ts) so that a 100,000-run
 * filter still draws fast.
 */
import type { Database } from "@/db/client";
import { listBenchmarkFigureGroups, listChartRuns } from "@/db/queries/benchmark-charts";
import { cachedUntilWrite, filtersKey } from "@/db/queries/version-cache";
import { CHART_RUN_LIMITS } from "@/lib/benchmarks/chart-limits";
import { buildBestFigureBars, type BestFigureBars } from "@/lib/charts/best-figure-bars";
import { bestFiguresOf } from "@/lib/charts/best-figures";
import { buildEnergyFigures, type EnergyFigures } from "@/lib/charts/energy-figures";
import { buildMemoryVsSize, type MemoryVsSize } from "@/lib/charts/memory-vs-size";
import { buildRoofline, type Roofline } from "@/lib/charts/roofline";
import type { BenchmarkFilters } from "@/lib/schemas/api";


export interface BenchmarkCharts {
  decode: BestFigureBars;
  prefill: BestFigureBars;
  ttft: BestFigureBars;
  memory: MemoryVsSize;
  roofline: Roofline;
  energy: EnergyFigures;
  /** Runs with a decode speed or peak memory: how many there are, how many the scatters sample. */
  sample: { shown: number; total: number };
  aboveBoundCapped: boolean;
  energyCapped: boolean;
}

/** The charts of a filter, kept until the next write (each aggregates every selected run). */
export function loadBenchmarkCharts(db: Database, filters: BenchmarkFilters): Promise<BenchmarkCharts> {
  return cachedUntilWrite(db, `benchmark-charts:${filtersKey(filters)}`, () => buildBenchmarkCharts(db, filters));
}

async function buildBenchmarkCharts(db: Database, filters: BenchmarkFilters): Promise<BenchmarkCharts> {
  const [groups, { sample, aboveBound, energy: energyRuns }] = await Promise.all([
    listBenchmarkFigureGroups(db, filters),
    listChartRuns(db, filters, CHART_RUN_LIMITS),
  ]);
  return {
    decode: buildBestFigureBars(bestFiguresOf(groups, "decode")),
    prefill: buildBestFigureBars(bestFiguresOf(groups, "prefill")),
    ttft: buildBestFigureBars(bestFiguresOf(groups, "ttft")),
    memory: buildMemoryVsSize(sample.points),
    // Runs above the bound first, so that none of them is lost to the sample.
    roofline: buildRoofline([...aboveBound, ...sample.points]),
    energy: buildEnergyFigures(energyRuns),
    sample: { shown: sample.points.length, total: sample.total },
    aboveBoundCapped: aboveBound.length === CHART_RUN_LIMITS.aboveBound,
    energyCapped: energyRuns.length === CHART_RUN_LIMITS.energy,
  };
}
