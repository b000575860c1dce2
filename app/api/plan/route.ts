import { getDatabase } from "@/db/client";
import { readJsonBody, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { concurrencyLimit, createConcurrencyGate } from "@/lib/http/concurrency";
import { errorResponse } from "@/lib/http/errors";
import { planScenarioJson } from "@/lib/use-cases/plan";

export const dynamic = "force-dynamic";

// A plan is a few milliseconds of CPU: 32 in flight already queue ~100 ms on one core.
const gate = createConcurrencyGate("plan", concurrencyLimit("plan", 32));

/** Scenario in, plan out: the public contract of DESIGN.md. */
export async function POST(request: Request) {
  try {
    return await gate.run(async () => {
      const body = await readJsonBody(request, SCENARIO_BODY_LIMIT_BYTES);
      const json = await planScenarioJson(getDatabase(), body, request.signal);
      return new Response(json, { headers: { "content-type": "application/json" } });
    });
  } catch (error) {
    return errorResponse(error);
  }
}
