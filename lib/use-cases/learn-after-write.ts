/**
 * What a committed write of the dataset (an upload, a deletion) does next: learn the data
 * version it left (db/queries/dataset-learning.ts), so that no reader has to.
 *
 * On a small dataset the learning is milliseconds: it runs here and the write answers once
 * it is stored and this process's catalogue is loaded. From LEARN_OFF_THREAD_FROM_RUNS runs on
 * it reads every run and takes seconds of CPU (5 s at 100k runs), so it runs in a worker
 * thread on its own connection and the write answers without waiting: a user who uploads
 * one run does not wait for the whole dataset to be learned again. A reader of the new
 * version that comes before the worker has stored it plans with the previous version's
 * stored learning, until the worker stores this one (dataset-learning.ts, learningAt); with
 * none stored it waits for that worker rather than learning on the request thread. A
 * failed learning leaves the committed write as it is, and the next reader learns.
 * The worker opens DATABASE_URL, so only the app's own database (getDatabase()) is learned
 * off the thread; on a worker thread already (a large upload's) the learning runs in place.
 * Every path runs the same pass (db/queries/version-learning.ts: the learning, then the digest).
 * A version this server did not write (another server on the same database) is learned the
 * same way when a reader finds nothing stored for it (learnMissingVersionsOffThread, from
 * instrumentation.ts), not on that reader's thread.
 */
import { isMainThread, Worker } from "node:worker_threads";
import type { Database } from "@/db/client";
import { countBenchmarkRuns, learnElsewhereWhenMissing } from "@/db/queries/dataset-learning";
import { learnAfterWrite } from "@/db/queries/snapshot-cache";
import { learnDatasetVersion } from "@/db/queries/version-learning";
import type { FromLearningWorker } from "./learning-worker";
import { startTypeScriptWorker } from "./start-worker";

/** ≈ 1 s of learning on this machine's measure (5 s at 100k runs); below it a worker's start costs more than it saves. */
export const LEARN_OFF_THREAD_FROM_RUNS = 20_000;

/**
 * Learns and stores the current version in a worker thread, then its failing runs:
 * `learned` and `checked` settle as each is stored, and reject when the worker fails or dies.
 */
export function learnInWorker(): { learned: Promise<void>; checked: Promise<void> } {
  const worker = startTypeScriptWorker({
    from: import.meta.url,
    entry: "learning-worker.ts",
    workerData: null,
    bundled: () => new Worker(new URL("./learning-worker.ts", import.meta.url)),
  });
  let learnedNow = () => {};
  const learned = new Promise<void>((resolve) => (learnedNow = resolve));
  const checked = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: FromLearningWorker) => {
      if (message.type === "learned") return learnedNow();
      if (message.ok) resolve();
      else reject(new Error(message.message));
    });
    worker.once("error", reject);
    // Settles nothing once the answer came; otherwise the worker died without one.
    worker.once("exit", (code) => reject(new Error(`the learning worker stopped (exit code ${code}) without an answer`)));
  });
  // A worker that fails before it has learned releases the readers waiting for the learning too.
  return { learned: Promise.race([learned, checked]), checked };
}

/**
 * After a committed write of `db`. `offThread`: `db` is the app's database (the one a worker
 * opens); then a dataset of `offThreadFromRuns` runs or more is learned in a worker and this
 * resolves as soon as the learning has started.
 */
export async function learnAfterCommit(
  db: Database,
  options: { offThread: boolean; offThreadFromRuns?: number },
): Promise<void> {
  const fromRuns = options.offThreadFromRuns ?? LEARN_OFF_THREAD_FROM_RUNS;
  if (!isMainThread) {
    // A large upload's worker: off the request thread already; its process's caches are not the server's.
    await learnDatasetVersion(db);
    return;
  }
  if (options.offThread && (await countBenchmarkRuns(db)) >= fromRuns) {
    void learnAfterWrite(db, learnInWorker);
    return;
  }
  await learnAfterWrite(db);
}

/**
 * Has this server's readers of `db` (the app's database) learn a version they find nothing
 * stored for in a worker, from `offThreadFromRuns` runs on, as after a write here: the
 * version another server wrote, while that server's worker has not stored it yet, or a
 * database an older build left. Readers meanwhile read the most recent learning stored.
 */
export function learnMissingVersionsOffThread(db: Database, options: { offThreadFromRuns?: number } = {}): void {
  const fromRuns = options.offThreadFromRuns ?? LEARN_OFF_THREAD_FROM_RUNS;
  learnElsewhereWhenMissing(db, async () => {
    if (isMainThread && (await countBenchmarkRuns(db)) >= fromRuns) void learnAfterWrite(db, learnInWorker);
  });
}
