/** Runs per variant and per runtime, counted in the database and cached until the next write. */
import { count, eq } from "drizzle-orm";
import type { RunCounts } from "@/lib/planner/run-counts";
import type { Database } from "../client";
import { benchmarkRuns, runtimes } from "../schema";
import { cachedUntilWrite } from "./version-cache";

export function loadCachedRunCounts(db: Database): Promise<RunCounts> {
  return cachedUntilWrite(db, "run-counts", async () => {
    const rows = await db
      .select({ variantId: benchmarkRuns.variantId, runtime: runtimes.name, runs: count() })
      .from(benchmarkRuns)
      .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
      .groupBy(benchmarkRuns.variantId, runtimes.name);
    const counts: RunCounts = { byVariant: {}, byRuntime: {} };
    for (const { variantId, runtime, runs } of rows) {
      counts.byVariant[variantId] = (counts.byVariant[variantId] ?? 0) + runs;
      counts.byRuntime[runtime] = (counts.byRuntime[runtime] ?? 0) + runs;
    }
    return counts;
  });
}
