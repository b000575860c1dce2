/**
 * One error type for the API: a code like "invalid:query" or "not_found:scenario",
 * the HTTP status derived from the code, and located issues for a 422.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";

export type ErrorKind = "invalid" | "unauthorized" | "not_found" | "too_large" | "conflict" | "too_many" | "unavailable";

const statusOf: Record<ErrorKind, number> = {
  invalid: 422,
  unauthorized: 401,
  not_found: 404,
  too_large: 413,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly issues: ApiIssue[];
  /** For a 429 or 503: when to try again, sent as Retry-After. */
  readonly retryAfterSec: number | null;

  constructor(code: `${ErrorKind}:${string}`, message: string, issues: ApiIssue[] = [], options: { retryAfterSec?: number } = {}) {
    super(message);
    this.code = code;
    this.kind = code.split(":")[0] as ErrorKind;
    this.issues = issues;
    this.retryAfterSec = options.retryAfterSec ?? null;
  }

  get status(): number {
    return statusOf[this.kind];
  }

  toResponse(): NextResponse {
    return NextResponse.json(
      { error: { code: this.code, message: this.message, issues: this.issues } },
      { status: this.status, headers: this.retryAfterSec === null ? undefined : { "retry-after": String(this.retryAfterSec) } },
    );
  }
}

/** zod issues as `path: message` pairs, the path dotted ("tiers.0.share"). */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/** Turns anything thrown in a handler into a response; unknown errors become a 500 without internals. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) return error.toResponse();
  // The client went away and its work was abandoned: nobody reads this answer, and it is no fault.
  if (error instanceof Error && error.name === "AbortError") {
    return NextResponse.json({ error: { code: "aborted", message: "The client closed the request", issues: [] } }, { status: 499 });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "internal", message: "Internal error", issues: [] } }, { status: 500 });
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, code: `invalid:${string}`): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(code, "The request is invalid", issuesOf(parsed.error));
  }
  return parsed.data;
}

/** Query string as a plain object (last value wins), for schema parsing. */
export function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
