"use client";

/**
 * What every editor section reads: the draft scenario, its issues, the plan of
 * the last valid draft (for the figures the dataset supplied), the dataset, its run counts, and
 * the two ways to change the draft.
 *
 * The planner hands the sections a store, not the value itself, through one context
 * whose value never changes: a section reads the value with useSyncExternalStore. A
 * changed context value would make React hydrate every part of the editor still waiting
 * to hydrate before it could apply the change; with a store, the parts the planner
 * leaves to hydrate later (planner.tsx) stay so through an edit elsewhere, and each one
 * hydrates with the value the server rendered, then takes the current one.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
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

export interface EditorStore {
  get: () => EditorContextValue;
  /** The value the page was rendered with on the server: what a part hydrates with. */
  getServer: () => EditorContextValue;
  subscribe: (listener: () => void) => () => void;
  /** Makes `value` current and tells every reader; the same value again tells no one. */
  publish: (value: EditorContextValue) => void;
}

export function createEditorStore(first: EditorContextValue): EditorStore {
  let current = first;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    getServer: () => first,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: (value) => {
      if (value === current) return;
      current = value;
      for (const listener of listeners) listener();
    },
  };
}

export const EditorContext = createContext<EditorStore | null>(null);

const outside: EditorStore = {
  get: () => {
    throw new Error("useEditor outside the planner's editor");
  },
  getServer: () => outside.get(),
  subscribe: () => () => undefined,
  publish: () => undefined,
};

export function useEditor(): EditorContextValue {
  const store = useContext(EditorContext) ?? outside;
  return useSyncExternalStore(store.subscribe, store.get, store.getServer);
}
