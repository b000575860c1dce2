import { NextResponse } from "next/server";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { deleteUpload } from "@/db/queries/uploads";
import { withWriteLock } from "@/db/write-lock";
import { requireAdmin } from "@/lib/http/auth";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { learnAfterCommit } from "@/lib/use-cases/learn-after-write";

export const dynamic = "force-dynamic";

/** Deletes an upload and exactly the rows it added. Seed and feed sources cannot be deleted here. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(request);
    const { id } = await params;
    const parsed = z.coerce.number().int().positive().safeParse(id);
    if (!parsed.success) throw new ApiError("not_found:upload", `No upload "${id.slice(0, 40)}"`);
    const result = await withWriteLock(() => deleteUpload(getDatabase(), parsed.data));
    if (!result) throw new ApiError("not_found:upload", `No upload ${parsed.data}`);
    // Learned now, not by the next reader: here when cheap, else in a worker that the answer does not wait for.
    await learnAfterCommit(getDatabase(), { offThread: true });
    return NextResponse.json({ uploadId: parsed.data, ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
