"use client";

import { createColumnHelper, type RowData } from "@tanstack/react-table";
import Link from "next/link";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import { formatFigure, formatMB, formatMs } from "@/lib/format/numbers";
import { StatusBadge } from "@/app/_components/status-badge";
import { SourceLink } from "@/app/_components/source-link";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    numeric?: boolean;
  }
}

const column = createColumnHelper<BenchmarkRunResponse>();

/** "measured · PocketPal matrix samsung-s23": the provenance every number of a run shares. */
function provenanceOf(run: BenchmarkRunResponse): string {
  return `${run.status} · ${run.source.title}`;
}

function NumberCell({ run, value, testId }: { run: BenchmarkRunResponse; value: string; testId?: string }) {
  return (
    <span title={value === "–" ? "not reported" : provenanceOf(run)} data-testid={testId}>
      {value}
    </span>
  );
}

/**
 * The run table's columns; ids are the sort keys of GET /api/benchmarks. Quantization sits under
 * the model and power is on the run's page, so that the speeds fit beside the names.
 */
export const benchmarkColumns = [
  column.accessor((r) => r.device.name, {
    id: "device",
    header: "Device",
    cell: ({ row }) => (
      <>
        {row.original.device.name}
        {row.original.device.soc ? <small className="sub">{row.original.device.soc}</small> : null}
      </>
    ),
  }),
  column.accessor((r) => r.variant.modelName, {
    id: "model",
    header: "Model",
    cell: ({ row }) => {
      const v = row.original.variant;
      return (
        <>
          {v.modelName}
          <small className="sub">
            {v.quantization}
            {v.paramsB !== null ? ` · ${formatFigure(v.paramsB)}B params` : ""}
          </small>
        </>
      );
    },
  }),
  column.accessor((r) => r.runtime, {
    id: "runtime",
    header: "Runtime",
    cell: ({ row }) => (
      <>
        {row.original.runtime}
        {row.original.backend ? <small className="sub">{row.original.backend}</small> : null}
      </>
    ),
  }),
  column.accessor((r) => r.metrics.decodeTokensPerSec, {
    id: "decode",
    header: "Decode tok/s",
    sortDescFirst: true,
    meta: { numeric: true },
    cell: ({ row }) => {
      const m = row.original.metrics;
      return (
        <>
          <NumberCell run={row.original} value={formatFigure(m.decodeTokensPerSec)} testId="cell-decode" />
          {m.decodeStddevTokensPerSec !== null ? <small className="sub">± {formatFigure(m.decodeStddevTokensPerSec)}</small> : null}
        </>
      );
    },
  }),
  column.accessor((r) => r.metrics.prefillTokensPerSec, {
    id: "prefill",
    header: "Prefill tok/s",
    sortDescFirst: true,
    meta: { numeric: true },
    cell: ({ row }) => <NumberCell run={row.original} value={formatFigure(row.original.metrics.prefillTokensPerSec)} />,
  }),
  column.accessor((r) => r.metrics.ttftMs, {
    id: "ttft",
    header: "First token",
    meta: { numeric: true },
    cell: ({ row }) => {
      const m = row.original.metrics;
      return (
        <>
          <NumberCell run={row.original} value={formatMs(m.ttftMs)} />
          {m.ttftMs !== null && m.promptTokens !== null ? <small className="sub">{m.promptTokens}-token prompt</small> : null}
        </>
      );
    },
  }),
  column.accessor((r) => r.metrics.peakMemoryMB, {
    id: "peakMemory",
    header: "Peak memory",
    meta: { numeric: true },
    cell: ({ row }) => <NumberCell run={row.original} value={formatMB(row.original.metrics.peakMemoryMB)} />,
  }),
  column.accessor((r) => r.status, {
    id: "status",
    header: "Status",
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  column.accessor((r) => r.source.title, {
    id: "source",
    header: "Source",
    cell: ({ row }) => <SourceLink source={row.original.source} className="source-link" />,
  }),
  column.display({
    id: "details",
    header: () => <span className="visually-hidden">Details</span>,
    cell: ({ row }) => (
      <Link prefetch={false} href={`/benchmarks/${row.original.id}`} aria-label={`Details of run ${row.original.id}`} data-testid="run-details">
        Details
      </Link>
    ),
  }),
];
