/**
 * Problems with a scenario, located by a dotted path ("tiers.0.share") so the
 * editor can show each one beside its field and the URL-state message can name it.
 * Kept free of next/server (lib/http/errors imports it) so the browser can use it.
 */
import type { z } from "zod";
import { wordsForZodError } from "./issue-words";

export interface ScenarioIssue {
  /** Dotted path into the scenario, "" for the whole document. */
  path: string;
  message: string;
}

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** zod's issues in the editor's words (lib/planner/issue-words.ts); `input` lets a share-sum message name the sum. */
export function issuesFromZod(error: z.ZodError, input?: unknown): ScenarioIssue[] {
  return wordsForZodError(error, input);
}

/** Issues at exactly this path (a field's own problems). */
export function issuesAt(issues: readonly ScenarioIssue[], path: string): ScenarioIssue[] {
  return issues.filter((issue) => issue.path === path);
}

/** Issues at this path or anywhere below it (a section's problems). */
export function issuesUnder(issues: readonly ScenarioIssue[], path: string): ScenarioIssue[] {
  return issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
}

/** The message as shown: it names its field in words already. */
export function describeIssue(issue: ScenarioIssue): string {
  return issue.message;
}
