/**
 * The worker thread's side of the learning after a write (learn-after-write.ts): learns
 * the current data version on this thread's own connection and stores it
 * (db/queries/dataset-learning.ts), says so, then checks every run and stores the failing
 * ones with it, and answers. At 100k runs that is seconds of CPU (reading every run, the
 * calibrations, the speed model: 5 s; the checks: 3 s) kept off the server's event loop.
 */
import { parentPort } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { relearnStoredLearning, storeFailingRuns } from "@/db/queries/dataset-learning";
import { checkEveryRun } from "@/db/queries/findings";
import { readEnv } from "@/lib/env";

/** `learned` once the learning is stored (readers of the catalogue may go on), then one answer. */
export type FromLearningWorker = { type: "learned" } | { type: "answer"; ok: true } | { type: "answer"; ok: false; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("learning-worker.ts runs as a worker thread");
  const env = readEnv();
  // Not lowered like an upload's worker: the first readers of the new version wait for this
  // learning, and lowered under load it took 29 s instead of 6 s (scripts/bench-reads.ts --writes).
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  let answer: FromLearningWorker;
  try {
    const version = await relearnStoredLearning(db);
    port.postMessage({ type: "learned" } satisfies FromLearningWorker);
    // Then the failing runs: the first /benchmarks after the write would otherwise check every run.
    await storeFailingRuns(db, version, await checkEveryRun(db));
    answer = { type: "answer", ok: true };
  } catch (error) {
    answer = { type: "answer", ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    client.close();
  }
  port.postMessage(answer);
  port.close();
}

void main();
