import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { findingsOfRuns, listDatasetFindings } from "@/db/queries/findings";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getBenchmarksQuerySchema, getBenchmarksResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getBenchmarksQuerySchema, queryOf(request.url), "invalid:benchmarks_query");
    const db = getDatabase();
    const [{ total, runs }, findings] = await Promise.all([listBenchmarkRuns(db, query), listDatasetFindings(db)]);
    const runFindings = await findingsOfRuns(db, runs.map((r) => r.id), findings);
    return NextResponse.json(
      getBenchmarksResponseSchema.parse({
        total,
        limit: query.limit,
        offset: query.offset,
        runs: runs.map((r) => ({ ...r, findings: runFindings.get(r.id) ?? [] })),
        findings,
      }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
