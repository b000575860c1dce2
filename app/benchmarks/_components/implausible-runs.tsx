import Link from "next/link";
import type { ImplausiblePoint } from "@/lib/charts/roofline";
import { formatFigure, formatMultiple } from "@/lib/format/numbers";
import { StatusBadge } from "@/app/_components/status-badge";

const SHOWN = 25;

/** The runs whose decode speed exceeds the bandwidth bound, worst first, each with its arithmetic. */
export function ImplausibleRuns({ points, capped }: { points: ImplausiblePoint[]; capped: boolean }) {
  if (points.length === 0) {
    return (
      <p className="note" data-testid="implausible-none">
        No run in this set decodes faster than its memory bandwidth allows.
      </p>
    );
  }
  const rest = points.length - SHOWN;
  return (
    <div className="implausible" data-testid="implausible-runs">
      <h4>
        {points.length}
        {capped ? "+" : ""} {points.length === 1 ? "run claims" : "runs claim"} a decode speed above the bandwidth bound —
        not physically possible
      </h4>
      <table>
        <thead>
          <tr>
            <th>Run</th>
            <th>Status</th>
            <th className="num">Decode tok/s</th>
            <th className="num">Bound tok/s</th>
            <th className="num">× bound</th>
          </tr>
        </thead>
        <tbody>
          {points.slice(0, SHOWN).map((p) => (
            <tr key={p.id} title={p.reason} data-testid="implausible-run">
              <td>
                <Link prefetch={false} href={`/benchmarks/${p.id}`}>{p.label}</Link>
                <small className="sub">{p.sourceTitle}</small>
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td className="num">{formatFigure(p.decodeTokensPerSec)}</td>
              <td className="num">
                {formatFigure(p.boundTokensPerSec)}
                <small className="sub">
                  {formatFigure(p.memoryBandwidthGBps)} GB/s ÷ {formatFigure(p.gbReadPerToken)} GB
                </small>
              </td>
              <td className="num implausible-text">{formatMultiple(p.shareOfBound)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 ? <p className="note">and {rest} more; narrow the filters to see them.</p> : null}
    </div>
  );
}
