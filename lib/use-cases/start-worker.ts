/**
 * Starting one of this folder's TypeScript worker threads, under Next's bundler and from
 * the sources alike. Next bundles a worker entry only where it finds it in the exact form
 * `new Worker(new URL("./x.ts", import.meta.url), …)`, so each caller writes that line
 * itself and hands it over as `bundled`; from the sources (tests, tsx scripts) the entry
 * is loaded through tsx, with the tsconfig's paths.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export function startTypeScriptWorker(input: {
  /** The caller's `import.meta.url`: the entry lies beside it. */
  from: string;
  /** The entry's file name, e.g. "upload-worker.ts". */
  entry: string;
  workerData: unknown;
  /** `() => new Worker(new URL("./<entry>", import.meta.url), { workerData })`, written at the caller for Next. */
  bundled: () => Worker;
}): Worker {
  if (process.env.NEXT_RUNTIME) return input.bundled();
  const entry = join(dirname(fileURLToPath(input.from)), input.entry);
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: input.workerData });
}

/**
 * On a machine with fewer free cores than busy threads, the request thread should win:
 * Linux applies a niceness set on a thread id to that thread alone. Elsewhere (no
 * /proc/thread-self) the thread keeps the process's priority. Called by a worker on itself.
 */
export function lowerThisThreadsPriority(niceness: number): void {
  if (niceness === 0) return;
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, niceness);
  } catch {
    // not Linux, or not allowed: same priority as the server
  }
}
