import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { concurrencyLimit, createConcurrencyGate } from "@/lib/http/concurrency";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { getSharedPlan } from "@/lib/use-cases/share";

export const dynamic = "force-dynamic";

const gate = createConcurrencyGate("shared", concurrencyLimit("shared", 32));

/** The saved scenario, the data values it stored, and its plan from those values. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    return await gate.run(async () => {
      const { id } = await params;
      const shared = await getSharedPlan(getDatabase(), id);
      if (!shared) throw new ApiError("not_found:scenario", `No shared scenario "${id.slice(0, 40)}"`);
      request.signal.throwIfAborted();
      return NextResponse.json(shared);
    });
  } catch (error) {
    return errorResponse(error);
  }
}
