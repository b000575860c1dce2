/**
 * What every importer returns: a validated native BenchmarkFile with the
 * warnings and skipped rows a preview shows, or the located errors that stop
 * the whole file (an upload commits whole or not at all).
 */
import type { z } from "zod";
import {
  benchmarkFileSchema,
  type BenchmarkFile,
  type BenchmarkFileInput,
} from "@/lib/schemas/benchmark-file";

export interface ImportIssue {
  /** Where in the input: "runs[12].tg_avg", "line 3: avg_ts", "gpt-4.1". */
  where: string;
  message: string;
  /** Set when the caller can fix it by answering a question (e.g. naming the device). */
  code?: "device_required" | "option_required";
}

/** A row left out on purpose (not an error): a failed run, an unknown price. */
export interface ImportSkip {
  where: string;
  reason: string;
  /** Stable tag for counting and for the UI: "status_not_ok", "zero_input_price" … */
  code: string;
}

export type ImportResult =
  | { ok: true; file: BenchmarkFile; warnings: string[]; skipped: ImportSkip[] }
  | { ok: false; errors: ImportIssue[] };

export function failure(errors: ImportIssue[]): ImportResult {
  return { ok: false, errors };
}

export function fail(where: string, message: string, code?: ImportIssue["code"]): ImportResult {
  return failure([code ? { where, message, code } : { where, message }]);
}

/** zod's path as the people reading the error write it: runs[12].tg_avg. */
export function formatPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(file)" : out;
}

export function issuesFromZod(error: z.ZodError, prefix = ""): ImportIssue[] {
  return error.issues.map((issue) => ({ where: formatPath(issue.path, prefix), message: issue.message }));
}

/**
 * Every importer ends here: the output must pass the same schema an upload of
 * the native format passes, so a converter bug is an error, never bad rows.
 */
export function finalize(file: BenchmarkFileInput, warnings: string[], skipped: ImportSkip[]): ImportResult {
  const parsed = benchmarkFileSchema.safeParse(file);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  return { ok: true, file: parsed.data, warnings, skipped };
}
