import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getBenchmarksQuerySchema, getBenchmarksResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getBenchmarksQuerySchema, queryOf(request.url), "invalid:benchmarks_query");
    const { total, runs } = await listBenchmarkRuns(getDatabase(), query);
    return NextResponse.json(
      getBenchmarksResponseSchema.parse({ total, limit: query.limit, offset: query.offset, runs }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
