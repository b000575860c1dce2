"use client";

/**
 * The table view of a plan, loaded when the view is chosen (plan-results.tsx):
 * the tables and their exports are not part of a plan page's first load.
 */
import { useMemo } from "react";
import type { Plan } from "@/lib/model";
import { planTables } from "@/lib/plan-view/tables";
import { PlanTables } from "./plan-tables";

export default function PlanTableView({ plan }: { plan: Plan }) {
  const tables = useMemo(() => planTables(plan), [plan]);
  return <PlanTables tables={tables} scenarioName={plan.scenarioName} />;
}
