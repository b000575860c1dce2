import Link from "next/link";
import type { FlaggedRun } from "@/db/queries/findings";
import { formatCount } from "@/lib/format/numbers";
import { checkName } from "@/lib/plausibility/check-names";
import type { DatasetFinding } from "@/lib/schemas/api";
import { ClaimFindings } from "@/app/_components/claim-findings";
import { StatusBadge } from "@/app/_components/status-badge";

/** Findings about a run's model rather than its own figures: listed once above, named on each run. */
const MODEL_CHECKS = new Set(["model-fact", "conflicting-figures"]);

/**
 * What the plausibility checks flag: the documents' own claims (cost totals, what a
 * model is), one model's scores across sources, and the runs of this selection that
 * fail a check. Passing checks are counted, not listed.
 */
export function DatasetFindings({
  findings,
  flagged,
}: {
  findings: DatasetFinding[];
  flagged: { total: number; runs: FlaggedRun[] };
}) {
  const passing = findings.filter((f) => f.ok).length;
  return (
    <section aria-labelledby="findings-heading" data-testid="dataset-findings">
      <h2 id="findings-heading">Plausibility findings</h2>
      <p className="muted">
        Figures that arithmetic or physics rules out, kept as their sources state them and flagged here.{" "}
        {formatCount(passing)} other {passing === 1 ? "check of a document's claim passes" : "checks of documents' claims pass"}.
      </p>
      <ClaimFindings findings={findings} />
      <h3>
        <span data-testid="flagged-run-count">{formatCount(flagged.total)}</span>{" "}
        {flagged.total === 1 ? "run of this selection fails" : "runs of this selection fail"} a check
      </h3>
      {flagged.runs.length > 0 ? (
        <div className="table-scroll">
          <table className="flagged-runs" data-testid="flagged-runs">
            <thead>
              <tr>
                <th>Run</th>
                <th>Status</th>
                <th>What fails</th>
              </tr>
            </thead>
            <tbody>
              {flagged.runs.map(({ run, findings: fails }) => (
                <tr key={run.id} data-testid="flagged-run">
                  <td>
                    <Link prefetch={false} href={`/benchmarks/${run.id}`}>
                      {run.variant.modelName} {run.variant.quantization} on {run.device.name}
                    </Link>
                    <small className="sub">{run.source.title}</small>
                  </td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>
                    {fails
                      .filter((f) => !MODEL_CHECKS.has(f.check))
                      .map((f, i) => (
                        <div key={`${f.check}-${i}`}>
                          <b>{checkName(f.check)}:</b> {f.reason}
                        </div>
                      ))}
                    {fails.some((f) => MODEL_CHECKS.has(f.check)) ? (
                      <small className="sub" title={fails.filter((f) => MODEL_CHECKS.has(f.check)).map((f) => f.reason).join("\n")}>
                        Its model: {[...new Set(fails.filter((f) => MODEL_CHECKS.has(f.check)).map((f) => checkName(f.check)))].join("; ")} (listed above)
                      </small>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {flagged.total > flagged.runs.length ? (
            <p className="muted">
              The first {formatCount(flagged.runs.length)} are listed; each run&apos;s page and GET /api/benchmarks give every
              run&apos;s findings.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
