import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { loadCachedVariantRuns } from "@/db/queries/snapshot-cache";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { variantRunsResponseSchema } from "@/lib/schemas/variant-runs";

export const dynamic = "force-dynamic";

/** The runs of one model variant, with status and source: what the planner needs once a variant is chosen. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const runs = await loadCachedVariantRuns(getDatabase(), id);
    if (!runs) throw new ApiError("not_found:variant", `No model variant "${id.slice(0, 80)}"`);
    return NextResponse.json(variantRunsResponseSchema.parse({ variantId: id, runs }));
  } catch (error) {
    return errorResponse(error);
  }
}
