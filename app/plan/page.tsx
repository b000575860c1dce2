import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { loadCachedRunCounts } from "@/db/queries/run-counts";
import { loadCachedCatalogue, loadCachedVariantRuns } from "@/db/queries/snapshot-cache";
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import { planScenario, type Plan } from "@/lib/model";
import type { Scenario } from "@/lib/schemas/scenario";
import { firstSearchParamValues, type RawSearchParams } from "@/lib/http/search-params";
import { checkReferences } from "@/lib/planner/check-references";
import { toPageJson } from "@/lib/planner/page-json";
import { decodeScenarioParam, FROM_SHARE_PARAM, SCENARIO_PARAM } from "@/lib/planner/url-state";
import { runsVariantOf, withVariantRuns } from "@/lib/planner/variant-runs";
import { getSharedScenario } from "@/lib/use-cases/share";
import { SCENARIO_DEFAULTS } from "@/lib/planner/defaults";
import { fallbackScenario, fallbackVariant } from "@/lib/planner/fallback-scenario";
import { Planner, type LinkedScenario } from "./_components/planner";
import { loadExampleScenarios } from "./example-scenarios";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Plan · Edge vs cloud LLM cost planner",
  description: "Traffic, phones, model and price in; cost per month, TCO, break-even, latency, battery and a recommendation out.",
};

/**
 * The planner: the server sends the catalogue (devices, variants, prices, the learned
 * speed model, run counts) and the runs of the variants the page starts with, whatever
 * the size of the dataset; the client fetches another variant's runs when it is chosen
 * and plans in the browser on every change (the engine is pure and synchronous).
 */
export default async function PlanPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const db = getDatabase();
  // The scenario in the URL (`?s=`) is read by the planner itself, through nuqs; one too long
  // for a link comes as `?from=<share id>` and starts the planner instead of the default.
  const params = firstSearchParamValues(await searchParams);
  const from = params[FROM_SHARE_PARAM];
  const [catalogue, runCounts, allExamples, shared] = await Promise.all([
    loadCachedCatalogue(db),
    loadCachedRunCounts(db),
    loadExampleScenarios(),
    from ? getSharedScenario(db, from).catch(() => null) : null,
  ]);
  // An example naming ids this database lacks (another dataset) cannot be a starting point.
  const examples = allExamples.filter((e) => checkReferences(e.scenario, catalogue).ok);
  let defaultScenario = shared ?? examples[0]?.scenario ?? null;
  if (defaultScenario === null) {
    const variant = fallbackVariant(catalogue, runCounts);
    const runs = variant ? ((await loadCachedVariantRuns(db, variant.id)) ?? []) : [];
    defaultScenario = fallbackScenario(withVariantRuns(catalogue, runs), runCounts);
  }

  if (defaultScenario === null) {
    return (
      <>
        <h1>Plan</h1>
        <p className="empty" data-testid="planner-empty">
          The dataset has no model variant or cloud price to plan with yet. Load the seed data
          (<code>npm run db:seed</code>) or import benchmarks and a pricing feed first.
        </p>
      </>
    );
  }

  // The link's scenario is read here, so that the planner's first load needs no schema library.
  const linked = params[SCENARIO_PARAM] === undefined ? null : readLinkedScenario(params[SCENARIO_PARAM], catalogue);
  // The runs of the variants the planner may open with: the default's and the linked scenario's.
  const startVariants = new Set<string>();
  for (const scenario of [defaultScenario, linked?.kind === "ok" ? linked.scenario : null]) {
    const id = scenario ? runsVariantOf(scenario) : null;
    if (id) startVariants.add(id);
  }
  const initialRuns: Record<string, SnapshotRun[]> = {};
  for (const id of startVariants) {
    const runs = await loadCachedVariantRuns(db, id);
    if (runs) initialRuns[id] = [...runs];
  }

  // The plan the page opens with, computed here: the browser shows it before its engine loads.
  const start = linked === null ? defaultScenario : linked.kind === "ok" ? linked.scenario : null;
  const startVariant = start ? runsVariantOf(start) : null;
  const initialPlan = start ? planOrNull(start, withVariantRuns(catalogue, (startVariant && initialRuns[startVariant]) || [])) : null;

  // The planner reads its scenario from the URL once, when it mounts; its own URL updates are
  // shallow (no server render). A navigation (a link, the nav bar's "Plan") renders this page
  // again, and a fresh key makes the planner read the new URL instead of keeping the old draft.
  return (
    <Planner
      key={crypto.randomUUID()}
      catalogue={toPageJson(catalogue)}
      runCounts={runCounts}
      initialRuns={initialRuns}
      examples={examples}
      defaultScenario={defaultScenario}
      initialPlan={initialPlan && toPageJson(initialPlan)}
      defaults={SCENARIO_DEFAULTS}
      linked={linked}
    />
  );
}

function readLinkedScenario(raw: string, catalogue: DatasetSnapshot): LinkedScenario {
  const decoded = decodeScenarioParam(raw);
  if (!decoded.ok) return { kind: "bad", issues: decoded.issues, raw };
  const checked = checkReferences(decoded.scenario, catalogue);
  return checked.ok ? { kind: "ok", scenario: checked.scenario } : { kind: "bad", issues: checked.issues, raw };
}

/** The planner's own plan of the scenario (no tornado), or null when the engine refuses it (the planner says why). */
function planOrNull(scenario: Scenario, data: DatasetSnapshot): Plan | null {
  try {
    return planScenario(scenario, data, { tornado: false });
  } catch {
    return null;
  }
}
