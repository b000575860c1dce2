"use client";

/**
 * What every editor section reads: the draft scenario, its issues, the plan of
 * the last valid draft (for the figures the dataset supplied), the dataset, its run counts, and
 * the two ways to change the draft.
 */
import { createContext, useContext } from "react";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Plan } from "@/lib/model";
import type { ScenarioIssue } from "@/lib/planner/issues";
import type { RunCounts } from "@/lib/planner/run-counts";
import type { Path } from "@/lib/planner/set-in";
import type { Scenario } from "@/lib/schemas/scenario";

export interface EditorContextValue {
  draft: Scenario;
  issues: ScenarioIssue[];
  plan: Plan | null;
  /** The plan without the scenario's inline runs: the figures a speed override replaces; null without runs. */
  datasetPlan: Plan | null;
  /** The catalogue with the runs of the planned variant (none while they load). */
  snapshot: DatasetSnapshot;
  /** The dataset's runs per variant and runtime: the snapshot carries one variant's runs at most. */
  runCounts: RunCounts;
  /** A scenario with the schema's defaults (lib/planner/defaults.ts): what each input shows as its default. */
  defaults: Scenario;
  /** Sets one field. */
  set: (path: Path, value: unknown) => void;
  /** Applies a structural edit (lib/planner/edits.ts). */
  edit: (change: (draft: Scenario) => Scenario) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside the planner's editor");
  return value;
}
