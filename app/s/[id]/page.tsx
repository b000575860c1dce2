import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { getSharedPlan, loadTodaysDataFor, type SharedPlan } from "@/lib/use-cases/share";
import { ApiError } from "@/lib/http/errors";
import type { Plan } from "@/lib/model";
import { planWithData } from "@/lib/planning/plan-request";
import { scenarioLabels } from "@/lib/plan-view/scenario-labels";
import { planHref } from "@/lib/planner/url-state";
import "@/app/_components/plan/plan.css";
import { SharedPlanView, type TodaysPlan } from "./_components/shared-plan-view";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Shared plan · Edge vs cloud LLM cost planner",
};

/**
 * A shared plan: the scenario planned with the data it was saved with (the same
 * numbers as on the day), and, when the dataset has moved since, today's plan
 * ready to compare. Unknown or malformed ids are a 404.
 */
export default async function SharedPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDatabase();
  let shared: SharedPlan | null;
  try {
    shared = await getSharedPlan(db, id);
  } catch (error) {
    console.error(`Shared scenario ${id.slice(0, 40)} cannot be read`, error);
    return (
      <p className="empty" role="alert" data-testid="shared-unreadable">
        This shared scenario is stored in a form this version of the planner cannot read.
      </p>
    );
  }
  if (!shared) notFound();

  let today: TodaysPlan | null = null;
  if (shared.dataChanges.length > 0) {
    const todaysData = await loadTodaysDataFor(db, shared.scenario);
    try {
      const plan: Plan = planWithData(shared.scenario, todaysData);
      today = { plan, labels: scenarioLabels(shared.scenario, todaysData), error: null };
    } catch (error) {
      const detail =
        error instanceof ApiError ? error.issues.map((i) => `${i.path}: ${i.message}`).join("; ") : "the engine failed";
      today = { plan: null, labels: null, error: `Today's data cannot plan this scenario (${detail}).` };
    }
  }

  return (
    <SharedPlanView
      id={shared.id}
      createdAt={shared.createdAt}
      scenario={shared.scenario}
      plan={shared.plan}
      labels={scenarioLabels(shared.scenario, shared.data)}
      dataChanges={shared.dataChanges}
      today={today}
      editorHref={planHref(shared.scenario, undefined, shared.id)}
    />
  );
}
