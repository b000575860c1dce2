/**
 * One app process of several on one database file: opens DATABASE_URL as the app
 * does and, at the agreed start time, stores its native files all at once through
 * the upload use case. argv: start time (ms), runs per file, each file's first decode
 * speed. Prints each answer's status (or error) as JSON.
 */
import { getDatabase } from "@/db/client";
import { uploadFile } from "@/lib/use-cases/upload";
import { postUploadQuerySchema } from "@/lib/schemas/uploads";
import { distinctRuns, nativeFile } from "@/scripts/bench/synthetic-runs";

async function main(): Promise<void> {
  const [startAtMs, runs, ...firsts] = process.argv.slice(2).map(Number);
  const query = postUploadQuerySchema.parse({});
  const db = getDatabase();
  // `runs` distinct runs a file (decode speeds from `first`, 0.001 apart): big enough to hold the write lock a while.
  const files = firsts.map((first) => nativeFile(`process upload ${first}`, distinctRuns(runs!, first, 0.001)));
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
