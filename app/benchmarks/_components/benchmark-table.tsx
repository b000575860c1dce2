import Link from "next/link";
import type { BenchmarkRunResponse, BenchmarkSortKey } from "@/lib/schemas/api";
import { benchmarksHref, type BenchmarksPageParams } from "../page-href";
import { benchmarkColumns, provenanceOf, type BenchmarkColumn } from "./benchmark-columns";

interface BenchmarkTableProps {
  runs: BenchmarkRunResponse[];
  params: BenchmarksPageParams;
}

const ariaSortOf = { asc: "ascending", desc: "descending" } as const;

/**
 * The sort a header's link selects: unsorted → the column's first order, first order →
 * the other one, the other one → no sort (the dataset's order).
 */
export function nextSortOf(
  column: Pick<BenchmarkColumn, "id" | "firstOrder">,
  params: Pick<BenchmarksPageParams, "sort" | "order">,
): { sort: BenchmarkSortKey; order: "asc" | "desc" } | null {
  if (!column.firstOrder || column.id === "details") return null;
  if (params.sort !== column.id) return { sort: column.id, order: column.firstOrder };
  if (params.order === column.firstOrder) return { sort: column.id, order: column.firstOrder === "asc" ? "desc" : "asc" };
  return null;
}

/**
 * One page of runs, rendered on the server: sorting and paging happen in the query, and a
 * sortable header is a link to the URL of the next sort state. No row is sent twice (as
 * HTML and as a client component's props).
 */
export function BenchmarkTable({ runs, params }: BenchmarkTableProps) {
  return (
    <div className="table-scroll">
      <table className="runs-table" data-testid="runs-table">
        <caption className="visually-hidden">Benchmark runs, sorted on the server; select a header to sort by it</caption>
        <thead>
          <tr>
            {benchmarkColumns.map((column) => {
              const sorted = params.sort === column.id ? params.order : undefined;
              const next = nextSortOf(column, params);
              return (
                <th key={column.id} className={column.numeric ? "num" : undefined} aria-sort={sorted ? ariaSortOf[sorted] : undefined}>
                  {column.firstOrder ? (
                    <Link
                      prefetch={false}
                      href={benchmarksHref({ ...params, sort: next?.sort, order: next?.order ?? "asc", page: 1 })}
                      scroll={false}
                      className="sort-link"
                      data-testid={`sort-${column.id}`}
                    >
                      {column.header}
                      <span aria-hidden="true" className="sort-icon">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                      </span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} title={provenanceOf(run)} data-testid="run-row" data-run-id={run.id} data-status={run.status}>
              {benchmarkColumns.map((column) => (
                <td key={column.id} className={column.numeric ? "num" : undefined}>
                  {column.cell(run)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
