/**
 * How many runs the dataset holds per model variant and per runtime: what the
 * editor's pickers show ("12 runs", runtimes with data) without shipping the runs
 * themselves to the browser. The page counts them in the database (db/queries/run-counts.ts);
 * `countRuns` counts a list of runs the same way, for snapshots that carry them.
 */
import type { SnapshotRun } from "@/lib/dataset/snapshot";

export interface RunCounts {
  /** Runs per variant id; a variant without runs is absent. */
  byVariant: Record<string, number>;
  /** Runs per runtime name, over every variant. */
  byRuntime: Record<string, number>;
}

export function countRuns(runs: readonly Pick<SnapshotRun, "variantId" | "runtime">[]): RunCounts {
  const byVariant: Record<string, number> = {};
  const byRuntime: Record<string, number> = {};
  for (const run of runs) {
    byVariant[run.variantId] = (byVariant[run.variantId] ?? 0) + 1;
    byRuntime[run.runtime] = (byRuntime[run.runtime] ?? 0) + 1;
  }
  return { byVariant, byRuntime };
}
