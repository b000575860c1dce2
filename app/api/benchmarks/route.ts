import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { countBenchmarkRuns, listBenchmarkRunPageWithFacts } from "@/db/queries/benchmarks";
import { listDatasetFindings, withRunFindings } from "@/db/queries/findings";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getBenchmarksQuerySchema, getBenchmarksResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getBenchmarksQuerySchema, queryOf(request.url), "invalid:benchmarks_query");
    const db = getDatabase();
    // The page and the facts its checks read in one query; the count and the dataset's findings are kept until a write.
    const [total, rows, findings] = await Promise.all([
      countBenchmarkRuns(db, query),
      listBenchmarkRunPageWithFacts(db, query),
      listDatasetFindings(db),
    ]);
    return NextResponse.json(
      getBenchmarksResponseSchema.parse({ total, limit: query.limit, offset: query.offset, runs: withRunFindings(rows, findings), findings }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
