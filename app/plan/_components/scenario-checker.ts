/**
 * The scenario schema (zod) loaded after the planner paints: its first render reads
 * a scenario the server already checked (page.tsx), and the first edit needs the
 * schema. The planner asks for it on mount, so it is usually here by the first keystroke.
 */
type Checker = typeof import("@/lib/planner/check-scenario");
type LinkReader = typeof import("@/lib/planner/url-state");

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
