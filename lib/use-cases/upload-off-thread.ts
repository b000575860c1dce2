/**
 * A large upload runs in a worker thread: JSON parsing, schema validation, the
 * duplicate keys, the plausibility checks and the chunked insert of a 50k-run
 * file are seconds of CPU that would otherwise come between the server and every
 * read it answers meanwhile. The worker writes through its own connection in one
 * transaction, as inline uploads do (whole or not at all), under the server's
 * write lock (db/write-lock.ts), which it asks this thread for: the server's other
 * writers queue behind it as behind an inline upload. In write-ahead-log mode
 * readers do not wait for it.
 */
import { Worker } from "node:worker_threads";
import { withWriteLock } from "@/db/write-lock";
import type { PostUploadQuery } from "@/lib/schemas/uploads";
import { startTypeScriptWorker } from "./start-worker";
import type { UploadOutcome } from "./upload";

/** Bodies from this size on go to a worker; smaller ones are done inline faster than a worker starts. */
export const UPLOAD_OFF_THREAD_FROM_BYTES = 512 * 1024;

/** The worker asks for the server's write lock and gives it back, then answers once. */
export type FromUploadWorker =
  | { type: "lock" }
  | { type: "unlock" }
  | { type: "answer"; ok: true; outcome: UploadOutcome }
  | { type: "answer"; ok: false; name: string; message: string; stack?: string; cause?: string };

export type ToUploadWorker = { type: "abort" } | { type: "locked" };

function startUploadWorker(workerData: { text: string; query: PostUploadQuery }): Worker {
  return startTypeScriptWorker({
    from: import.meta.url,
    entry: "upload-worker.ts",
    workerData,
    bundled: () => new Worker(new URL("./upload-worker.ts", import.meta.url), { workerData }),
  });
}

/** One worker at a time: uploads commit one after another anyway, and each holds its file in memory. */
let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
}

function errorOf(answer: Extract<FromUploadWorker, { ok: false }>): Error {
  const error = new Error(answer.message, answer.cause === undefined ? undefined : { cause: answer.cause });
  error.name = answer.name;
  if (answer.stack) error.stack = answer.stack;
  return error;
}

/** uploadFile in a worker thread: the same outcome; a client that goes before the commit stops it (AbortError). */
export function uploadFileOffThread(input: { text: string; query: PostUploadQuery; signal?: AbortSignal }): Promise<UploadOutcome> {
  return inTurn(async () => {
    input.signal?.throwIfAborted();
    const worker = startUploadWorker({ text: input.text, query: input.query });
    const send = (message: ToUploadWorker) => worker.postMessage(message);
    const abort = () => send({ type: "abort" });
    input.signal?.addEventListener("abort", abort, { once: true });
    // Held for the worker while it writes; given back when it says so or stops.
    let unlock = () => {};
    let stopped = false;
    try {
      return await new Promise<UploadOutcome>((resolve, reject) => {
        worker.on("message", (message: FromUploadWorker) => {
          if (message.type === "lock") {
            void withWriteLock(
              () =>
                new Promise<void>((release) => {
                  // A worker that stopped while waiting for its turn has nothing to write.
                  if (stopped) return release();
                  unlock = release;
                  send({ type: "locked" });
                }),
            );
          } else if (message.type === "unlock") {
            unlock();
          } else if (message.ok) {
            resolve(message.outcome);
          } else {
            reject(errorOf(message));
          }
        });
        worker.once("error", reject);
        // Settles nothing once the answer came; otherwise the worker died without one.
        worker.once("exit", (code) => reject(new Error(`the upload worker stopped (exit code ${code}) without an answer`)));
      });
    } finally {
      stopped = true;
      unlock();
      input.signal?.removeEventListener("abort", abort);
    }
  });
}
