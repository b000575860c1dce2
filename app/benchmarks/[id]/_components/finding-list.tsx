import type { RunFinding } from "@/lib/benchmarks/run-findings";

const checkNames: Record<string, string> = {
  "bandwidth-bound": "Decode within the memory-bandwidth bound",
  "bits-per-parameter": "File size per parameter",
  "energy-per-token": "Energy per token",
  "battery-drain": "Battery drain a phone can sustain",
};

/** The plausibility checks of a run: passed, failed (with the arithmetic) or not checkable. */
export function FindingList({ findings }: { findings: RunFinding[] }) {
  if (findings.length === 0) return <p className="note">No check applies: the run reports no figure the checks read.</p>;
  return (
    <ul className="findings" data-testid="run-findings">
      {findings.map((f) => (
        <li key={f.check} className={f.ok === false ? "finding-bad" : f.ok ? "finding-ok" : "finding-unknown"} data-ok={String(f.ok)}>
          <b>
            {f.ok === false ? "✗ Implausible" : f.ok ? "✓ Plausible" : "? Not checked"}: {checkNames[f.check] ?? f.check}
          </b>
          <div>{f.reason}</div>
        </li>
      ))}
    </ul>
  );
}
