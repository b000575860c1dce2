/**
 * A large upload runs in a worker thread: JSON parsing, schema validation, the
 * duplicate keys, the plausibility checks and the chunked insert of a 50k-run
 * file are seconds of CPU that would otherwise come between the server and every
 * read it answers meanwhile. The worker writes through its own connection in one
 * transaction, as inline uploads do (whole or not at all); in write-ahead-log mode
 * readers do not wait for it, and the server's other writers wait for its lock
 * as they would for another process's (db/client.ts's busy timeout).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PostUploadQuery } from "@/lib/schemas/uploads";
import type { UploadOutcome } from "./upload";

/** Bodies from this size on go to a worker; smaller ones are done inline faster than a worker starts. */
export const UPLOAD_OFF_THREAD_FROM_BYTES = 512 * 1024;

export type UploadWorkerAnswer =
  | { ok: true; outcome: UploadOutcome }
  | { ok: false; name: string; message: string; stack?: string; cause?: string };

function startUploadWorker(workerData: { text: string; query: PostUploadQuery }): Worker {
  // Next bundles the worker entry it finds in this exact form (`new Worker(new URL(…, import.meta.url))`).
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./upload-worker.ts", import.meta.url), { workerData });
  // From the sources (tests, tsx scripts) the worker loads the TypeScript through tsx, with the tsconfig's paths.
  const entry = join(dirname(fileURLToPath(import.meta.url)), "upload-worker.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}

/** One worker at a time: uploads commit one after another anyway, and each holds its file in memory. */
let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
}

function errorOf(answer: Extract<UploadWorkerAnswer, { ok: false }>): Error {
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
    const abort = () => worker.postMessage({ type: "abort" });
    input.signal?.addEventListener("abort", abort, { once: true });
    try {
      return await new Promise<UploadOutcome>((resolve, reject) => {
        worker.once("message", (answer: UploadWorkerAnswer) => (answer.ok ? resolve(answer.outcome) : reject(errorOf(answer))));
        worker.once("error", reject);
        // Settles nothing once the answer came; otherwise the worker died without one.
        worker.once("exit", (code) => reject(new Error(`the upload worker stopped (exit code ${code}) without an answer`)));
      });
    } finally {
      input.signal?.removeEventListener("abort", abort);
    }
  });
}
