import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { readJsonBody, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { ApiError, errorResponse, parseOrThrow } from "@/lib/http/errors";
import { checkReferences } from "@/lib/planner/check-scenario";
import { parseScenario } from "@/lib/planning/plan-request";
import { rankPrices } from "@/lib/planner/price-ranking";
import { comparePricesBodySchema, comparePricesResponseSchema } from "@/lib/schemas/compare";

export const dynamic = "force-dynamic";

/** `{ scenario, priceIds? }` in; the scenario planned with each price, cheapest cloud-only TCO first. */
export async function POST(request: Request) {
  try {
    const body = parseOrThrow(comparePricesBodySchema, await readJsonBody(request, SCENARIO_BODY_LIMIT_BYTES), "invalid:body");
    const scenario = parseScenario(body.scenario);
    const variantIds = typeof scenario.edge.variant === "string" ? [scenario.edge.variant.trim()] : [];
    const snapshot = await loadCachedSnapshot(getDatabase(), { variantIds });
    const checked = checkReferences(scenario, snapshot);
    if (!checked.ok) throw new ApiError("invalid:scenario", "The scenario names ids the dataset does not have", checked.issues);
    const ranking = rankPrices(scenario, snapshot, body.priceIds);
    return NextResponse.json(comparePricesResponseSchema.parse(ranking));
  } catch (error) {
    return errorResponse(error);
  }
}
