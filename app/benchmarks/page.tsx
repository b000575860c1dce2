import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/client";
import { listBenchmarkFacets } from "@/db/queries/benchmark-facets";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { formatCount } from "@/lib/format/numbers";
import { listFlaggedRuns, listDatasetFindings } from "@/db/queries/findings";
import { BenchmarkCharts } from "./_components/benchmark-charts";
import { DatasetFindings } from "./_components/dataset-findings";
import { BenchmarkFilters } from "./_components/benchmark-filters";
import { BenchmarkTable } from "./_components/benchmark-table";
import { Pagination } from "./_components/pagination";
import { loadBenchmarkCharts } from "./load-charts";
import { benchmarksCsvHref, benchmarksHref, filtersOf, hasFilters, loadBenchmarksPageParams } from "./page-href";

export const dynamic = "force-dynamic";

const FLAGGED_RUNS_SHOWN = 25;

export const metadata: Metadata = { title: "Benchmark runs · Edge vs cloud LLM cost planner" };

export default async function BenchmarksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = loadBenchmarksPageParams(await searchParams);
  const filters = filtersOf(params);
  const db = getDatabase();
  const datasetFindings = await listDatasetFindings(db);
  const [{ total, runs }, facets, charts, flagged] = await Promise.all([
    listBenchmarkRuns(db, {
      ...filters,
      sort: params.sort,
      order: params.order,
      limit: params.size,
      offset: (params.page - 1) * params.size,
    }),
    listBenchmarkFacets(db, filters),
    loadBenchmarkCharts(db, filters),
    listFlaggedRuns(db, filters, datasetFindings, FLAGGED_RUNS_SHOWN),
  ]);
  const first = total === 0 ? 0 : Math.min((params.page - 1) * params.size + 1, total);
  const last = Math.min(params.page * params.size, total);

  return (
    <>
      <h1>Benchmark runs</h1>
      <p className="lede">
        Every run in the dataset: which model runs how fast on which phone, with which runtime and quantization. Each
        number keeps its status (<span className="status status-measured">measured</span> by a tool,{" "}
        <span className="status status-claimed">claimed</span> by an article,{" "}
        <span className="status status-estimated">estimated</span> by the planner) and its source.
      </p>

      <BenchmarkFilters facets={facets} params={params} />

      <div className="toolbar">
        <p className="count" aria-live="polite">
          <b data-testid="run-count">{formatCount(total)}</b> {total === 1 ? "run matches" : "runs match"}
          {hasFilters(params) ? " these filters" : ""}
          {runs.length > 0 ? (
            <span className="muted">
              {" "}
              · showing {formatCount(first)}–{formatCount(last)}
            </span>
          ) : null}
        </p>
        <a className="button" href={benchmarksCsvHref(params)} download data-testid="export-csv">
          Export {formatCount(total)} runs as CSV
        </a>
      </div>

      {runs.length > 0 ? (
        <>
          <BenchmarkTable runs={runs} params={params} />
          <Pagination params={params} total={total} />
        </>
      ) : total > 0 ? (
        <p className="empty" data-testid="runs-empty">
          This page is past the last run. <Link prefetch={false} href={benchmarksHref({ ...params, page: 1 })}>Go to the first page</Link>.
        </p>
      ) : (
        <p className="empty" data-testid="runs-empty">
          No runs match these filters.{" "}
          {hasFilters(params) ? <Link prefetch={false} href={benchmarksHref({ sort: params.sort, order: params.order })}>Clear the filters</Link> : null}
        </p>
      )}

      <BenchmarkCharts charts={charts} />

      <DatasetFindings findings={datasetFindings} flagged={flagged} />
    </>
  );
}
