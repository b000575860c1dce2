import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { firstSearchParamValues, type RawSearchParams } from "@/lib/http/search-params";
import { checkReferences } from "@/lib/planner/check-scenario";
import { FROM_SHARE_PARAM } from "@/lib/planner/url-state";
import { getSharedScenario } from "@/lib/use-cases/share";
import { fallbackScenario } from "@/lib/planner/fallback-scenario";
import { Planner } from "./_components/planner";
import { loadExampleScenarios } from "./example-scenarios";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Plan · Edge vs cloud LLM cost planner",
  description: "Traffic, phones, model and price in; cost per month, TCO, break-even, latency, battery and a recommendation out.",
};

/**
 * The planner: the server loads the dataset and the example scenarios once; the
 * client plans in the browser on every change (the engine is pure and synchronous).
 */
export default async function PlanPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // The scenario in the URL (`?s=`) is read by the planner itself, through nuqs; one too long
  // for a link comes as `?from=<share id>` and starts the planner instead of the default.
  const from = firstSearchParamValues(await searchParams)[FROM_SHARE_PARAM];
  const [snapshot, allExamples, shared] = await Promise.all([
    loadCachedSnapshot(getDatabase()),
    loadExampleScenarios(),
    from ? getSharedScenario(getDatabase(), from).catch(() => null) : null,
  ]);
  // An example naming ids this database lacks (another dataset) cannot be a starting point.
  const examples = allExamples.filter((e) => checkReferences(e.scenario, snapshot).ok);
  const defaultScenario = shared ?? examples[0]?.scenario ?? fallbackScenario(snapshot);

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
  // The planner reads its scenario from the URL once, when it mounts; its own URL updates are
  // shallow (no server render). A navigation (a link, the nav bar's "Plan") renders this page
  // again, and a fresh key makes the planner read the new URL instead of keeping the old draft.
  return (
    <Planner
      key={crypto.randomUUID()}
      snapshot={snapshot}
      examples={examples}
      defaultScenario={defaultScenario}
    />
  );
}
