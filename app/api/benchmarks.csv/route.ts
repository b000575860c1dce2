/**
 * GET /api/benchmarks.csv: every run the filters select (the same filters and
 * sort as GET /api/benchmarks, no paging), streamed as CSV: the ordered ids are
 * read once, then the runs in chunks, so a 100,000-run export never sits in memory whole.
 */
import { getDatabase } from "@/db/client";
import { listBenchmarkRunIds, listBenchmarkRunsByIds } from "@/db/queries/benchmarks";
import { benchmarkRunsToCsv } from "@/lib/csv/benchmark-runs-csv";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { getBenchmarksCsvQuerySchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

const CHUNK_RUNS = 1000;

export async function GET(request: Request) {
  try {
    const query = parseOrThrow(getBenchmarksCsvQuerySchema, queryOf(request.url), "invalid:benchmarks_csv_query");
    const db = getDatabase();
    // Read before answering, so that a database error is still a proper error response.
    const ids = await listBenchmarkRunIds(db, query);
    const first = await listBenchmarkRunsByIds(db, ids.slice(0, CHUNK_RUNS));
    const encoder = new TextEncoder();
    let offset = CHUNK_RUNS;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(benchmarkRunsToCsv(first, true)));
        if (offset >= ids.length) controller.close();
      },
      async pull(controller) {
        try {
          const runs = await listBenchmarkRunsByIds(db, ids.slice(offset, offset + CHUNK_RUNS));
          offset += CHUNK_RUNS;
          controller.enqueue(encoder.encode(benchmarkRunsToCsv(runs, false)));
          if (offset >= ids.length) controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="benchmarks.csv"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
