import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { readJsonBody, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/errors";
import { planRequest } from "@/lib/planning/plan-request";

export const dynamic = "force-dynamic";

/** Scenario in, plan out: the public contract of DESIGN.md. */
export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request, SCENARIO_BODY_LIMIT_BYTES);
    const db = getDatabase();
    const { plan } = await planRequest(body, (params) => loadCachedSnapshot(db, params));
    return NextResponse.json(plan);
  } catch (error) {
    return errorResponse(error);
  }
}
