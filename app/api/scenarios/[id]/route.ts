import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { getSharedPlanById } from "@/db/queries/shared-plan";
import { ApiError, errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** The saved scenario, the data values it stored, and its plan from those values. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const shared = await getSharedPlanById(getDatabase(), id);
    if (!shared) throw new ApiError("not_found:scenario", `No shared scenario "${id.slice(0, 40)}"`);
    return NextResponse.json(shared);
  } catch (error) {
    return errorResponse(error);
  }
}
