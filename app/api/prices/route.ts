import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { listCloudPrices } from "@/db/queries/prices";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getPricesQuerySchema, getPricesResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getPricesQuerySchema, queryOf(request.url), "invalid:prices_query");
    const prices = await listCloudPrices(getDatabase(), {
      provider: query.provider,
      history: query.history === "1",
    });
    return NextResponse.json(getPricesResponseSchema.parse({ prices }));
  } catch (error) {
    return errorResponse(error);
  }
}
