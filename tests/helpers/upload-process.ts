/**
 * One app process of several on one database file: opens DATABASE_URL as the app
 * does and, at the agreed start time, stores its native files all at once through
 * the upload use case. argv: start time (ms), runs per file, each file's first decode
 * speed. Prints each answer's status (or error) as JSON.
 */
import { getDatabase } from "@/db/client";
import { uploadFile } from "@/lib/use-cases/upload";
import { postUploadQuerySchema } from "@/lib/schemas/uploads";

/** A native file of `runs` distinct runs (decode speeds from `first`, 0.001 apart): big enough to hold the write lock a while. */
function nativeFile(first: number, runs: number): string {
  return JSON.stringify({
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title: `process upload ${first}` },
    runs: Array.from({ length: runs }, (_, i) => ({
      deviceId: "poco-myron",
      variantId: "qwen3-1.7b-q4_0",
      runtime: "llama.cpp",
      status: "measured",
      decodeTokensPerSec: Number((first + i * 0.001).toFixed(3)),
    })),
  });
}

async function main(): Promise<void> {
  const [startAtMs, runs, ...firsts] = process.argv.slice(2).map(Number);
  const query = postUploadQuerySchema.parse({});
  const db = getDatabase();
  const files = firsts.map((first) => nativeFile(first, runs!));
  await db.$client.execute("SELECT 1"); // opened before the start, so all processes write together
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAtMs! - Date.now())));
  const answers = await Promise.all(
    files.map((text) =>
      uploadFile(db, { text, query }).then(
        (outcome) => ({ status: outcome.status, runsAdded: outcome.body.runsAdded }),
        (error: unknown) => ({ status: 500, error: String(error instanceof Error && error.cause ? error.cause : error) }),
      ),
    ),
  );
  process.stdout.write(JSON.stringify(answers));
}

void main();
