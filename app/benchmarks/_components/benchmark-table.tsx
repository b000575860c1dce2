"use client";

import { flexRender, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import type { BenchmarkRunResponse, BenchmarkSortKey } from "@/lib/schemas/api";
import { benchmarksHref, type BenchmarksPageParams } from "../page-href";
import { benchmarkColumns } from "./benchmark-columns";

interface BenchmarkTableProps {
  runs: BenchmarkRunResponse[];
  params: BenchmarksPageParams;
}

const ariaSortOf = { asc: "ascending", desc: "descending" } as const;

/**
 * One page of runs. Sorting and paging happen on the server (manual mode): a
 * sortable header is a link to the URL of the next sort state, which tanstack's
 * toggle order decides (numbers descending first).
 */
export function BenchmarkTable({ runs, params }: BenchmarkTableProps) {
  const sorting: SortingState = params.sort ? [{ id: params.sort, desc: params.order === "desc" }] : [];
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is rebuilt from props on every render
  const table = useReactTable({
    data: runs,
    columns: benchmarkColumns,
    state: { sorting },
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (run) => String(run.id),
  });

  return (
    <div className="table-scroll">
      <table className="runs-table" data-testid="runs-table">
        <caption className="visually-hidden">Benchmark runs, sorted on the server; select a header to sort by it</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const label = flexRender(column.columnDef.header, header.getContext());
                const next = column.getNextSortingOrder();
                const href = benchmarksHref({
                  ...params,
                  sort: next ? (column.id as BenchmarkSortKey) : undefined,
                  order: next || "asc",
                  page: 1,
                });
                return (
                  <th
                    key={header.id}
                    className={column.columnDef.meta?.numeric ? "num" : undefined}
                    aria-sort={sorted ? ariaSortOf[sorted] : undefined}
                  >
                    {column.getCanSort() ? (
                      <Link prefetch={false} href={href} scroll={false} className="sort-link" data-testid={`sort-${column.id}`}>
                        {label}
                        <span aria-hidden="true" className="sort-icon">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="run-row" data-run-id={row.id} data-status={row.original.status}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? "num" : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
