import type { ReactNode } from "react";
import { formatFigure, formatMB, formatMs, formatPct, formatWatts } from "@/lib/format/numbers";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import { StatusBadge } from "@/app/_components/status-badge";

interface FigureRow {
  label: string;
  value: string;
  detail?: ReactNode;
  known: boolean;
  /** A figure computed here rather than reported by the source. */
  derived?: boolean;
}

function tokensPerSec(value: number | null, stddev: number | null): string {
  if (value === null) return "not reported";
  return `${formatFigure(value)} tok/s${stddev !== null ? ` ± ${formatFigure(stddev)}` : ""}`;
}

/** Every figure of a run, those it does not report included, each with its status. */
export function RunFigures({ run, boundTokensPerSec }: { run: BenchmarkRunResponse; boundTokensPerSec: number | null }) {
  const m = run.metrics;
  const joulesPerToken = m.powerW !== null && m.decodeTokensPerSec ? m.powerW / m.decodeTokensPerSec : null;
  const rows: FigureRow[] = [
    { label: "Decode", value: tokensPerSec(m.decodeTokensPerSec, m.decodeStddevTokensPerSec), known: m.decodeTokensPerSec !== null },
    { label: "Prefill", value: tokensPerSec(m.prefillTokensPerSec, m.prefillStddevTokensPerSec), known: m.prefillTokensPerSec !== null },
    {
      label: "Time to first token",
      value: m.ttftMs !== null ? formatMs(m.ttftMs) : "not reported",
      detail: m.ttftMs !== null && m.promptTokens !== null ? `at a ${m.promptTokens}-token prompt` : undefined,
      known: m.ttftMs !== null,
    },
    { label: "Prompt tokens", value: m.promptTokens !== null ? String(m.promptTokens) : "not reported", known: m.promptTokens !== null },
    { label: "Generated tokens", value: m.generatedTokens !== null ? String(m.generatedTokens) : "not reported", known: m.generatedTokens !== null },
    { label: "Peak memory", value: m.peakMemoryMB !== null ? formatMB(m.peakMemoryMB) : "not reported", known: m.peakMemoryMB !== null },
    { label: "Weights in memory", value: m.weightsMB !== null ? formatMB(m.weightsMB) : "not reported", known: m.weightsMB !== null },
    { label: "Average power", value: m.powerW !== null ? formatWatts(m.powerW) : "not reported", known: m.powerW !== null },
    {
      label: "Energy per token",
      value: joulesPerToken !== null ? `${formatFigure(joulesPerToken)} J/token` : "unknown",
      detail: "power ÷ decode speed",
      known: joulesPerToken !== null,
      derived: true,
    },
    {
      label: "Battery drain",
      value: m.batteryDrainPctPer30Min !== null ? `${formatPct(m.batteryDrainPctPer30Min)} per 30 min` : "not reported",
      known: m.batteryDrainPctPer30Min !== null,
    },
    {
      label: "Throttling",
      value: m.throttlePct !== null ? `${formatPct(m.throttlePct)} slower` : "not reported",
      detail: m.throttlePct !== null && m.throttleAfterMin !== null ? `after ${formatFigure(m.throttleAfterMin)} min` : undefined,
      known: m.throttlePct !== null,
    },
    { label: "Cold start", value: m.coldStartSec !== null ? `${formatFigure(m.coldStartSec)} s` : "not reported", known: m.coldStartSec !== null },
    { label: "Repetitions", value: m.repetitions !== null ? String(m.repetitions) : "not reported", known: m.repetitions !== null },
    {
      label: "Bandwidth bound",
      value: boundTokensPerSec !== null ? `${formatFigure(boundTokensPerSec)} tok/s` : "unknown",
      detail: "device bandwidth ÷ GB read per token",
      known: boundTokensPerSec !== null,
      derived: true,
    },
  ];
  return (
    <table className="figures" data-testid="run-figures">
      <thead>
        <tr>
          <th>Figure</th>
          <th className="num">Value</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.known ? undefined : "unknown"}>
            <th scope="row">{row.label}</th>
            <td className="num">
              <span className="nowrap">{row.value}</span>
              {row.detail ? <small className="sub">{row.detail}</small> : null}
            </td>
            <td>{row.known ? <StatusBadge status={row.derived ? "estimated" : run.status} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
