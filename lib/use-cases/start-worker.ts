/**
 * Starting one of this folder's TypeScript worker threads, under Next's bundler and from
 * the sources alike. Next bundles a worker entry only where it finds it in the exact form
 * `new Worker(new URL("./x.ts", import.meta.url), …)`, so each caller writes that line
 * itself and hands it over as `bundled`; from the sources (tests, tsx scripts) the entry
 * is loaded through tsx, with the tsconfig's paths.
 */
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

