/** Request bodies read with a size cap, before any parsing. */
import { forbiddenKeyIssues } from "@/lib/importers/json";
import { ApiError } from "./errors";

export const SCENARIO_BODY_LIMIT_BYTES = 256 * 1024;

/** Reads the body as text, refusing it as soon as it passes `maxBytes`. */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ApiError("too_large:body", `The body is ${declared} bytes; the limit is ${maxBytes} bytes`);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ApiError("too_large:body", `The body is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Parses JSON, refusing prototype-polluting keys and nesting deeper than any scenario has;
 * a syntax error is a 422 with its position. No reviver: V8 runs a reviver recursively,
 * and a body of nested brackets would overflow the stack.
 */
export function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ApiError("invalid:json", "The body is not valid JSON", [{ path: "(body)", message }]);
  }
  const issues = forbiddenKeyIssues(value);
  if (issues.length > 0) {
    throw new ApiError(
      "invalid:json",
      issues[0]!.message.startsWith("nested") ? "The body is nested too deep" : `The key "${issues[0]!.where.split(/[.[]/).pop()}" is not allowed`,
      issues.map((i) => ({ path: i.where, message: i.message })),
    );
  }
  return value;
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  return parseJsonText(await readTextBody(request, maxBytes));
}
