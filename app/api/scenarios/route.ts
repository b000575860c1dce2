import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { hasAdminToken } from "@/lib/http/auth";
import { readJsonBody, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { concurrencyLimit, createConcurrencyGate } from "@/lib/http/concurrency";
import { errorResponse } from "@/lib/http/errors";
import { clientKeyOf } from "@/lib/http/rate-limit";
import { readEnv } from "@/lib/env";
import { shareScenario } from "@/lib/use-cases/share";

export const dynamic = "force-dynamic";

const gate = createConcurrencyGate("share", concurrencyLimit("share", 16));

/**
 * Saves a scenario with the data values it is planned with; answers its share link.
 * 201 for a new link, 200 with the stored id when the same scenario on the same data
 * was shared before; 429 + Retry-After past the per-client limit or the daily quota.
 */
export async function POST(request: Request) {
  try {
    return await gate.run(async () => {
      const body = await readJsonBody(request, SCENARIO_BODY_LIMIT_BYTES);
      request.signal.throwIfAborted();
      const { id, created } = await shareScenario(getDatabase(), body, {
        clientKey: clientKeyOf(request, readEnv().TRUST_PROXY_HOPS),
        admin: hasAdminToken(request),
      });
      return NextResponse.json({ id, url: `/s/${id}` }, { status: created ? 201 : 200 });
    });
  } catch (error) {
    return errorResponse(error);
  }
}
