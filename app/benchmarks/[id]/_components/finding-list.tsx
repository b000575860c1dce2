import type { RunFinding } from "@/lib/benchmarks/run-findings";
import { checkName } from "@/lib/plausibility/check-names";

/** The plausibility checks of a run: passed, failed (with the arithmetic) or not checkable. */
export function FindingList({ findings }: { findings: RunFinding[] }) {
  if (findings.length === 0) return <p className="note">No check applies: the run reports no figure the checks read.</p>;
  return (
    <ul className="findings" data-testid="run-findings">
      {findings.map((f, i) => (
        <li key={`${f.check}-${i}`} className={f.ok === false ? "finding-bad" : f.ok ? "finding-ok" : "finding-unknown"} data-ok={String(f.ok)} data-check={f.check}>
          <b>
            {f.ok === false ? "✗ Implausible" : f.ok ? "✓ Plausible" : "? Not checked"}: {checkName(f.check)}
          </b>
          <div>{f.reason}</div>
        </li>
      ))}
    </ul>
  );
}
