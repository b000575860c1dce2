import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { insertSharedScenario } from "@/db/queries/scenarios";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { readJsonBody, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/errors";
import { planRequest } from "@/lib/planning/plan-request";

export const dynamic = "force-dynamic";

/** Saves a scenario with the data values it is planned with; answers its share link. */
export async function POST(request: Request) {
  try {
    const body = await readJsonBody(request, SCENARIO_BODY_LIMIT_BYTES);
    const db = getDatabase();
    const { scenario, data } = await planRequest(body, (params) => loadCachedSnapshot(db, params));
    const id = await insertSharedScenario(db, { scenario, data });
    return NextResponse.json({ id, url: `/s/${id}` }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
