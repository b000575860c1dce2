/**
 * The worker thread's side of the learning after a write (learn-after-write.ts): learns
 * the current data version on this thread's own connection and stores it, says so, then
 * computes its digest (the failing runs, the facets' run combinations, the charts' best
 * figures, the run counts) and stores it with it, and answers: db/queries/version-learning.ts,
 * the pass every start and every write runs. At 100k runs that is seconds of CPU (reading
 * every run, the calibrations, the speed model: 5 s; the checks: 3 s) kept off the server's event loop.
 */
import { parentPort } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { learnDatasetVersion } from "@/db/queries/version-learning";
import { readEnv } from "@/lib/env";

/** `learned` once the learning is stored (readers of the catalogue may go on), then one answer. */
export type FromLearningWorker = { type: "learned" } | { type: "answer"; ok: true } | { type: "answer"; ok: false; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("learning-worker.ts runs as a worker thread");
  const env = readEnv();
  // Not lowered like an upload's worker. Readers of the new version read the previous version's
  // learning and digest meanwhile, but at niceness 10 (set before the modules load) the first plan
  // after a one-run upload at 100k runs was not faster (median 116 against 78 ms, 7 and 6
  // alternating rounds of bench-reads --writes, load 3-6: its time is its own reads), while the
  // interim lasts longer, and readers of a database with no learning stored wait for this one
  // (lowered under load it took 29 s instead of 6 s).
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  let answer: FromLearningWorker;
  try {
    // Then the digest: the first /benchmarks after the write would otherwise compute it on the request thread.
    await learnDatasetVersion(db, { onLearned: () => port.postMessage({ type: "learned" } satisfies FromLearningWorker) });
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
