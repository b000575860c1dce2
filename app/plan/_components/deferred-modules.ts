/**
 * What the planner loads after it paints: its first render shows a scenario the
 * server read and checked and the plan the server computed (page.tsx). The engine
 * replans every edit, and the scenario schema (zod) checks it. The engine is asked for
 * as the page's first scripts run, before React hydrates the planner
 * (instrumentation-client.ts), so it is usually here by the first keystroke; the
 * schema after the first edit's frame (a number within its limits is planned before it,
 * lib/planner/limits-check.ts) or a second after the page's load.
 */
export type Checker = typeof import("@/lib/planner/check-scenario");
type LinkReader = typeof import("@/lib/planner/url-state");
export type Engine = typeof import("@/lib/planner/engine");

let checker: Checker | null = null;
let pending: Promise<Checker> | null = null;

export function loadScenarioChecker(): Promise<Checker> {
  pending ??= import("@/lib/planner/check-scenario").then(
    (m) => (checker = m),
    (error: unknown) => {
      // A failed load (the network) is tried again at the next edit.
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** The checker when already loaded, to check an edit in its own render. */
export function loadedScenarioChecker(): Checker | null {
  return checker;
}

export function loadLinkReader(): Promise<LinkReader> {
  return import("@/lib/planner/url-state");
}

let engine: Engine | null = null;
let enginePending: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  enginePending ??= import("@/lib/planner/engine").then(
    (m) => (engine = m),
    (error: unknown) => {
      enginePending = null;
      throw error;
    },
  );
  return enginePending;
}

/** The engine when already loaded: an edit made before the planner's state has it is planned with it in its own render. */
export function loadedEngine(): Engine | null {
  return engine;
}
