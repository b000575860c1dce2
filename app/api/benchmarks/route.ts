import { getDatabase } from "@/db/client";
import { countBenchmarkRuns, listBenchmarkRunPageWithFacts } from "@/db/queries/benchmarks";
import { listDatasetFindings, withRunFindings } from "@/db/queries/findings";
import { cachedTextUntilWrite } from "@/db/queries/version-cache";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getBenchmarksQuerySchema, getBenchmarksResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getBenchmarksQuerySchema, queryOf(request.url), "invalid:benchmarks_query");
    const db = getDatabase();
    // The answer of a query is the same until the next write: kept as text (the parsed query is its key).
    const json = await cachedTextUntilWrite(db, `benchmarks:${JSON.stringify(query)}`, async () => {
      // The page and the facts its checks read in one query; the count and the dataset's findings are kept until a write.
      const [total, rows, findings] = await Promise.all([
        countBenchmarkRuns(db, query),
        listBenchmarkRunPageWithFacts(db, query),
        listDatasetFindings(db),
      ]);
      const runs = withRunFindings(rows, findings);
      return JSON.stringify(getBenchmarksResponseSchema.parse({ total, limit: query.limit, offset: query.offset, runs, findings }));
    });
    return new Response(json, { headers: { "content-type": "application/json" } });
  } catch (error) {
    return errorResponse(error);
  }
}
