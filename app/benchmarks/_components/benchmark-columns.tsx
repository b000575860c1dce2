import type { ReactNode } from "react";
import Link from "next/link";
import type { BenchmarkRunResponse, BenchmarkSortKey } from "@/lib/schemas/api";
import { formatFigure, formatMB, formatMs } from "@/lib/format/numbers";
import { StatusBadge } from "@/app/_components/status-badge";
import { safeHref } from "@/lib/format/safe-href";

export interface BenchmarkColumn {
  /** The sort key of GET /api/benchmarks, or a name for a column that does not sort. */
  id: BenchmarkSortKey | "details";
  header: ReactNode;
  numeric?: boolean;
  /** The order a first select of the header sorts by (speeds and sizes largest first); absent when the column does not sort. */
  firstOrder?: "asc" | "desc";
  cell: (run: BenchmarkRunResponse) => ReactNode;
}

/** "measured · PocketPal matrix samsung-s23": the provenance every number of a run shares (the row's title). */
export function provenanceOf(run: BenchmarkRunResponse): string {
  return `${run.status} · ${run.source.title}`;
}

/** A figure; its provenance is the row's title, written once rather than on every cell. */
function NumberCell({ value, testId }: { value: string; testId?: string }) {
  return (
    <span title={value === "–" ? "not reported" : undefined} data-testid={testId}>
      {value}
    </span>
  );
}

/**
 * The run table's columns, rendered on the server (the rows reach the browser as HTML
 * only). Quantization sits under the model and power is on the run's page, so that the
 * speeds fit beside the names.
 */
export const benchmarkColumns: BenchmarkColumn[] = [
  {
    id: "device",
    header: "Device",
    firstOrder: "asc",
    cell: (run) => (
      <>
        {run.device.name}
        {run.device.soc ? <small className="sub">{run.device.soc}</small> : null}
      </>
    ),
  },
  {
    id: "model",
    header: "Model",
    firstOrder: "asc",
    cell: ({ variant: v }) => (
      <>
        {v.modelName}
        <small className="sub">
          {v.quantization}
          {v.paramsB !== null ? ` · ${formatFigure(v.paramsB)}B params` : ""}
        </small>
      </>
    ),
  },
  {
    id: "runtime",
    header: "Runtime",
    firstOrder: "asc",
    cell: (run) => (
      <>
        {run.runtime}
        {run.backend ? <small className="sub">{run.backend}</small> : null}
      </>
    ),
  },
  {
    id: "decode",
    header: "Decode tok/s",
    numeric: true,
    firstOrder: "desc",
    cell: (run) => (
      <>
        <NumberCell value={formatFigure(run.metrics.decodeTokensPerSec)} testId="cell-decode" />
        {run.metrics.decodeStddevTokensPerSec !== null ? <small className="sub">± {formatFigure(run.metrics.decodeStddevTokensPerSec)}</small> : null}
      </>
    ),
  },
  {
    id: "prefill",
    header: "Prefill tok/s",
    numeric: true,
    firstOrder: "desc",
    cell: (run) => <NumberCell value={formatFigure(run.metrics.prefillTokensPerSec)} />,
  },
  {
    id: "ttft",
    header: "First token",
    numeric: true,
    firstOrder: "desc",
    cell: (run) => (
      <>
        <NumberCell value={formatMs(run.metrics.ttftMs)} />
        {run.metrics.ttftMs !== null && run.metrics.promptTokens !== null ? <small className="sub">{run.metrics.promptTokens}-token prompt</small> : null}
      </>
    ),
  },
  {
    id: "peakMemory",
    header: "Peak memory",
    numeric: true,
    firstOrder: "desc",
    cell: (run) => <NumberCell value={formatMB(run.metrics.peakMemoryMB)} />,
  },
  {
    id: "status",
    header: "Status",
    firstOrder: "asc",
    cell: (run) => <StatusBadge status={run.status} />,
  },
  {
    id: "source",
    header: "Source",
    firstOrder: "asc",
    // The row's title names the source in full, so the link carries no title of its own (http(s) only, lib/format/safe-href.ts).
    cell: (run) => {
      const href = safeHref(run.source.url);
      return href ? (
        <a href={href} rel="noreferrer" target="_blank" className="source-link">
          {run.source.title}
        </a>
      ) : (
        <span className="source-link">{run.source.title}</span>
      );
    },
  },
  {
    id: "details",
    header: <span className="visually-hidden">Details</span>,
    cell: (run) => (
      <Link prefetch={false} href={`/benchmarks/${run.id}`} aria-label={`Details of run ${run.id}`} data-testid="run-details">
        Details
      </Link>
    ),
  },
];
