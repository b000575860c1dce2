/**
 * The worker thread's side of the learning after a write (learn-after-write.ts): learns
 * the current data version on this thread's own connection and stores it
 * (db/queries/dataset-learning.ts), then says whether it did. At 100k runs that is
 * seconds of CPU (reading every run, the calibrations, the speed model) kept off the
 * server's event loop.
 */
import { parentPort } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { relearnStoredLearning } from "@/db/queries/dataset-learning";
import { checkEveryRun } from "@/db/queries/findings";
import { readEnv } from "@/lib/env";

export type FromLearningWorker = { ok: true } | { ok: false; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("learning-worker.ts runs as a worker thread");
  const env = readEnv();
  // Not lowered like an upload's worker: the first readers of the new version wait for this
  // learning, and lowered under load it took 29 s instead of 6 s (scripts/bench-reads.ts --writes).
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  let answer: FromLearningWorker;
  try {
    // The failing runs too: the first /benchmarks after the write would otherwise check every run.
    await relearnStoredLearning(db, checkEveryRun);
    answer = { ok: true };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    client.close();
  }
  port.postMessage(answer);
  port.close();
}

void main();
