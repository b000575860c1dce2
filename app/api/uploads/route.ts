import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { learningUnderWay } from "@/db/queries/dataset-learning";
import { requireAdmin } from "@/lib/http/auth";
import { readTextBody } from "@/lib/http/body";
import { concurrencyLimit, createConcurrencyGate } from "@/lib/http/concurrency";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { postUploadQuerySchema, UPLOAD_BODY_LIMIT_BYTES, uploadResponseSchema } from "@/lib/schemas/uploads";
import { uploadFile, type UploadOutcome } from "@/lib/use-cases/upload";
import { UPLOAD_OFF_THREAD_FROM_BYTES, uploadFileOffThread } from "@/lib/use-cases/upload-off-thread";

export const dynamic = "force-dynamic";

function answer({ status, body }: UploadOutcome): NextResponse {
  return NextResponse.json(uploadResponseSchema.parse(body), { status });
}

// Uploads queue on the write lock rather than being shed: 50 at once must all land.
const gate = createConcurrencyGate("uploads", concurrencyLimit("uploads", 64));

/**
 * Body: the file. `?dryRun=1` previews (what would be added, duplicates,
 * plausibility findings, located errors) and writes nothing; without it the
 * file is committed in one transaction or not at all. Runs a plausibility
 * check rules out are stored only with `?confirm=1`. Files from 512 KB on are
 * handled in a worker thread.
 */
export async function POST(request: Request) {
  try {
    requireAdmin(request);
    const query = parseOrThrow(postUploadQuerySchema, queryOf(request.url), "invalid:upload_query");
    return await gate.run(async () => {
      const text = await readTextBody(request, UPLOAD_BODY_LIMIT_BYTES);
      const input = { text, query, signal: request.signal, learnOffThread: true };
      // A large file's seconds of parsing, checking and writing run off the thread that answers reads.
      const db = getDatabase();
      if (Buffer.byteLength(text) < UPLOAD_OFF_THREAD_FROM_BYTES) return answer(await uploadFile(db, input));
      const offThread = uploadFileOffThread(input);
      // The worker learns what it wrote before answering: readers of that version wait for it, not learn it here.
      learningUnderWay(db, { learned: offThread });
      return answer(await offThread);
    });
  } catch (error) {
    return errorResponse(error);
  }
}
