/**
 * The one error the engine throws: a scenario that names ids the dataset lacks.
 * Each issue is located like a zod issue (`devices.1.device`), so the API can
 * answer a 422 naming the field, exactly as it does for schema errors.
 */
export interface ReferenceIssue {
  path: string;
  message: string;
}

export class UnknownReferenceError extends Error {
  readonly code = "invalid:scenario" as const;
  readonly issues: ReferenceIssue[];

  constructor(issues: ReferenceIssue[]) {
    super(`The scenario names unknown ids: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "UnknownReferenceError";
    this.issues = issues;
  }
}

export function isUnknownReferenceError(error: unknown): error is UnknownReferenceError {
  return error instanceof UnknownReferenceError;
}
