/**
 * Runs per variant and per runtime, cached until the next write: read from the digest
 * stored with the learning (version-learning.ts), counted in the database when none is.
 */
import type { RunCounts } from "@/lib/planner/run-counts";
import type { Database } from "../client";
import { readStoredDigest } from "./dataset-learning";
import { cachedUntilWrite } from "./version-cache";
import { queryRunCounts } from "./version-learning";

export function loadCachedRunCounts(db: Database): Promise<RunCounts> {
  // While a worker learns a new version, the previous version's counts (an interim, as the learning is).
  return cachedUntilWrite(db, "run-counts", async (version) => (await readStoredDigest(db, version, "runCounts", { interim: true })) ?? queryRunCounts(db));
}
