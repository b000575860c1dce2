"use client";

/**
 * What every editor section reads: the draft scenario, its issues, the plan of
 * the last valid draft (for the figures the dataset supplied), the dataset, and
 * the two ways to change the draft.
 */
import { createContext, useContext } from "react";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { Plan } from "@/lib/model";
import type { ScenarioIssue } from "@/lib/planner/issues";
import type { Path } from "@/lib/planner/set-in";
import type { Scenario } from "@/lib/schemas/scenario";

export interface EditorContextValue {
  draft: Scenario;
  issues: ScenarioIssue[];
  plan: Plan | null;
  /** The plan without the scenario's inline runs: the figures a speed override replaces; null without runs. */
  datasetPlan: Plan | null;
  snapshot: DatasetSnapshot;
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
