import { checkName } from "@/lib/plausibility/check-names";
import type { DatasetFinding } from "@/lib/schemas/api";

/** The failing checks of documents' claims and of one model's scores across sources, with the claim's words. */
export function ClaimFindings({ findings }: { findings: DatasetFinding[] }) {
  const failing = findings.filter((f) => !f.ok);
  return (
    <>
      {failing.length > 0 ? (
        <ul className="findings" data-testid="dataset-finding-list">
          {failing.map((f, i) => (
            <li key={`${f.check}-${i}`} className="finding-bad" data-testid="dataset-finding" data-check={f.check}>
              <b>✗ {checkName(f.check)}</b>
              {f.sourceTitle ? <small className="sub">{f.sourceTitle}</small> : null}
              <div>{f.reason}</div>
              {f.quote ? <small className="sub muted">“{f.quote}”</small> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="note">No document claim or cross-source comparison fails a check.</p>
      )}
    </>
  );
}
