import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/client";
import { getSharedPlan } from "@/lib/use-cases/share";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { planScenario } from "@/lib/model";
import { compareCumulative, compareInputs, compareResults, type CompareRow, type ComparedScenario } from "@/lib/plan-view/scenario-compare";
import { scenarioLabels } from "@/lib/plan-view/scenario-labels";
import { recommendationSummary } from "@/lib/plan-view/summary";
import { checkReferences } from "@/lib/planner/check-scenario";
import { decodeScenarioParam, planHref } from "@/lib/planner/url-state";
import "@/app/_components/plan/plan.css";
import { AddPlan, CompareChart } from "./_components/compare-client";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Compare plans · Edge vs cloud LLM cost planner",
};

interface Column extends ComparedScenario {
  href: string;
  kind: string;
}

function listParam(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.split(","));
  return [...new Set(all.map((v) => v.trim()).filter(Boolean))].slice(0, 8);
}

/**
 * Saved plans (`?ids=a,b`, as on /s/{id}) and the planner's current scenario
 * (`?s=`, as on /plan) side by side: the answers in the same rows, the inputs that
 * differ marked, and the cumulative costs on one axis. The address is the view.
 */
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const ids = listParam(params.ids);
  const current = typeof params.s === "string" ? params.s : null;
  const db = getDatabase();
  const columns: Column[] = [];
  const problems: string[] = [];

  for (const id of ids) {
    const shared = await getSharedPlan(db, id).catch(() => null);
    if (!shared) {
      problems.push(`No saved plan “${id}”.`);
      continue;
    }
    columns.push({
      title: shared.scenario.name,
      kind: `saved ${shared.createdAt.slice(0, 10)}`,
      href: `/s/${shared.id}`,
      scenario: shared.scenario,
      plan: shared.plan,
      labels: scenarioLabels(shared.scenario, shared.data),
    });
  }
  if (current !== null) {
    const decoded = decodeScenarioParam(current);
    const snapshot = await loadCachedSnapshot(db);
    const checked = decoded.ok ? checkReferences(decoded.scenario, snapshot) : decoded;
    if (checked.ok) {
      columns.push({
        title: checked.scenario.name,
        kind: "current, today's data",
        href: planHref(checked.scenario),
        scenario: checked.scenario,
        plan: planScenario(checked.scenario, snapshot, { tornado: false }),
        labels: scenarioLabels(checked.scenario, snapshot),
      });
    } else {
      problems.push(`The current scenario cannot be planned: ${checked.issues.map((i) => i.message).join("; ")}.`);
    }
  }

  const results = compareResults(columns);
  const inputs = compareInputs(columns);
  const differing = inputs.filter((r) => r.differs).length;
  const names = columns.map((c) => c.title);

  return (
    <div className="compare" data-testid="compare">
      <div className="planner-head">
        <h1>Compare plans</h1>
        <p className="lede">Saved plans and the planner&apos;s current scenario side by side. The address is a link to this comparison.</p>
      </div>
      {problems.map((p) => (
        <p className="note field-error" key={p} role="alert">
          {p}
        </p>
      ))}
      <AddPlan ids={ids} current={current} />
      {columns.length === 0 ? (
        <p className="empty" data-testid="compare-empty">
          Nothing to compare yet. Save a plan in the <Link href="/plan">planner</Link> (“Save &amp; share”) and add its link here,
          or open a shared plan and choose “Compare”.
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="compare-table" data-testid="compare-results">
              <caption>The answers</caption>
              <ColumnHeads columns={columns} />
              <tbody>
                <Rows rows={results} />
                <tr>
                  <th scope="row">In a sentence</th>
                  {columns.map((c, i) => (
                    <td key={i} className="compare-sentence">
                      {recommendationSummary(c.plan, c.labels).headline}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          {columns.length > 1 ? <CompareChart rows={compareCumulative(columns)} names={names} /> : null}
          <div className="table-scroll">
            <table className="compare-table" data-testid="compare-inputs">
              <caption>
                The inputs: {differing} of {inputs.length} differ{differing === 1 ? "s" : ""} (marked)
              </caption>
              <ColumnHeads columns={columns} />
              <tbody>
                <Rows rows={inputs} />
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function ColumnHeads({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">
          <span className="visually-hidden">Figure</span>
        </th>
        {columns.map((c, i) => (
          <th scope="col" key={i}>
            <Link href={c.href}>{c.title}</Link>
            <small className="sub">{c.kind}</small>
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Rows({ rows }: { rows: CompareRow[] }) {
  return rows.map((row) => (
    <tr key={row.key} className={row.differs ? "differs" : undefined} data-differs={row.differs || undefined} data-key={row.key}>
      <th scope="row">{row.label}</th>
      {row.values.map((v, i) => (
        <td key={i} className="num">
          {v}
        </td>
      ))}
    </tr>
  ));
}
