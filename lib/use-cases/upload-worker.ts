/**
 * The worker thread's side of an upload run off the request thread
 * (upload-off-thread.ts): the same uploadFile as inline, on this thread's own
 * database connection. Parsing, validating, checking and writing a 50k-run file
 * takes seconds of CPU; here it leaves the server's event loop free for reads.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { readEnv } from "@/lib/env";
import type { PostUploadQuery } from "@/lib/schemas/uploads";
import { uploadFile } from "./upload";
import type { FromUploadWorker, ToUploadWorker } from "./upload-off-thread";

/**
 * On a machine with fewer free cores than busy threads, the request thread should win:
 * Linux applies a niceness set on a thread id to that thread alone. Elsewhere (no
 * /proc/thread-self) the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(niceness: number): void {
  if (niceness === 0) return;
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, niceness);
  } catch {
    // not Linux, or not allowed: same priority as the server
  }
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("upload-worker.ts runs as a worker thread");
  const { text, query } = workerData as { text: string; query: PostUploadQuery };
  const controller = new AbortController();
  let granted: (() => void) | null = null;
  port.on("message", (message: ToUploadWorker) => {
    if (message.type === "abort") controller.abort(new DOMException("The client closed the request", "AbortError"));
    if (message.type === "locked") granted?.();
  });
  // The server's write lock (db/write-lock.ts), not this thread's own copy of it: the server's
  // other writers queue behind this upload as they queue behind an inline one.
  const serverWriteLock = async <T>(work: () => Promise<T>): Promise<T> => {
    await new Promise<void>((resolve) => {
      granted = resolve;
      port.postMessage({ type: "lock" } satisfies FromUploadWorker);
    });
    try {
      return await work();
    } finally {
      port.postMessage({ type: "unlock" } satisfies FromUploadWorker);
    }
  };
  const env = readEnv();
  lowerThisThreadsPriority(env.UPLOAD_WORKER_NICENESS);
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  let answer: FromUploadWorker;
  try {
    answer = { type: "answer", ok: true, outcome: await uploadFile(db, { text, query, signal: controller.signal, writeLock: serverWriteLock }) };
  } catch (error) {
    answer = {
      type: "answer",
      ok: false,
      name: error instanceof Error ? error.name : "Error",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
      // drizzle wraps the driver's error (the part that says what went wrong) as the cause.
      cause: error instanceof Error && error.cause !== undefined ? String(error.cause) : undefined,
    };
  } finally {
    client.close();
  }
  port.postMessage(answer);
  port.close();
}

void main();
