/**
 * Splits llama-bench output into test objects with their line numbers.
 *
 * `-o json` is an array; `-o jsonl` one object a line. Real files drift:
 * re-indented arrays, no final newline, log lines before the `[` (a `2>&1`
 * capture), and arrays a crashed run never closed. The array is read object by
 * object, so every complete test of a crashed run is recovered (with a
 * warning) and a broken object is reported at its own line; JSONL is read line
 * by line and a line that is not JSON but does not start with `{` is taken for
 * a log line and skipped with a warning.
 */
import { forbiddenKeyIssues, lineAt, stripBom } from "./json";
import type { ImportIssue } from "./result";

export interface RawTest {
  value: unknown;
  /** "line 3" (JSONL) or "[2] (line 80)" (array): the prefix of this test's errors. */
  where: string;
  line: number;
}

export interface SplitResult {
  tests: RawTest[];
  warnings: string[];
  errors: ImportIssue[];
}

export function splitLlamaBenchText(input: string): SplitResult {
  const text = stripBom(input).replace(/\r\n?/g, "\n");
  const start = findJsonStart(text);
  if (start === null) {
    return { tests: [], warnings: [], errors: [{ where: "(file)", message: "no llama-bench JSON found (expected `[` or one `{…}` per line)" }] };
  }
  const warnings: string[] = [];
  const skippedLines = lineAt(text, start.offset) - 1;
  if (skippedLines > 0) warnings.push(`skipped ${skippedLines} line(s) before the JSON (log output?)`);
  const result = start.kind === "array" ? readArray(text, start.offset) : readLines(text, start.offset);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

/** The first line that opens the JSON: `[` alone or followed by `{`, or a line starting with `{`. */
function findJsonStart(text: string): { kind: "array" | "lines"; offset: number } | null {
  let offset = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart();
    const at = offset + (line.length - trimmed.length);
    if (/^\[\s*(\{|$)/.test(trimmed)) return { kind: "array", offset: at };
    if (trimmed.startsWith("{")) return { kind: "lines", offset: at };
    offset += line.length + 1;
  }
  return null;
}

function parseObject(slice: string, where: string, line: number): { test?: RawTest; error?: ImportIssue } {
  let value: unknown;
  try {
    value = JSON.parse(slice);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { error: { where, message: `not valid JSON: ${detail}` } };
  }
  const [issue] = forbiddenKeyIssues(value);
  if (issue) return { error: { where: `${where}: ${issue.where}`, message: issue.message } };
  return { test: { value, where, line } };
}

function readLines(text: string, startOffset: number): SplitResult {
  const tests: RawTest[] = [];
  const warnings: string[] = [];
  const errors: ImportIssue[] = [];
  const firstLine = lineAt(text, startOffset);
  const lines = text.split("\n");
  let logLines = 0;
  for (let i = firstLine - 1; i < lines.length; i++) {
    const trimmed = (lines[i] ?? "").trim();
    if (trimmed === "") continue;
    const where = `line ${i + 1}`;
    if (!trimmed.startsWith("{")) {
      logLines++;
      continue;
    }
    const { test, error } = parseObject(trimmed, where, i + 1);
    if (error) errors.push(error);
    if (test) tests.push(test);
  }
  if (logLines > 0) warnings.push(`skipped ${logLines} line(s) between the tests that are not JSON (log output?)`);
  return { tests, warnings, errors };
}

/** Index just past the `}` closing the object that opens at `open`; -1 if the text ends first. */
function objectEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function readArray(text: string, startOffset: number): SplitResult {
  const tests: RawTest[] = [];
  const warnings: string[] = [];
  const errors: ImportIssue[] = [];
  const skipWs = (i: number) => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    return i;
  };
  let i = skipWs(startOffset + 1);
  let closed = false;
  for (let index = 0; i < text.length; index++) {
    if (text[i] === "]") {
      closed = true;
      i++;
      break;
    }
    const line = lineAt(text, i);
    const where = `[${index}] (line ${line})`;
    if (text[i] !== "{") {
      errors.push({ where, message: "expected a test object `{…}`" });
      return { tests, warnings, errors };
    }
    const end = objectEnd(text, i);
    if (end < 0) {
      warnings.push(`the test starting at line ${line} is incomplete (the run stopped mid-write); it was dropped`);
      i = text.length;
      break;
    }
    const { test, error } = parseObject(text.slice(i, end), where, line);
    if (error) errors.push(error);
    if (test) tests.push(test);
    i = skipWs(end);
    if (text[i] === ",") i = skipWs(i + 1);
    else if (i < text.length && text[i] !== "]") {
      errors.push({ where: `line ${lineAt(text, i)}`, message: "expected `,` or `]` after a test" });
      return { tests, warnings, errors };
    }
  }
  if (!closed) {
    if (tests.length === 0 && errors.length === 0) {
      errors.push({ where: `line ${lineAt(text, startOffset)}`, message: "the array is never closed and holds no complete test" });
    } else {
      warnings.push(`the array opened at line ${lineAt(text, startOffset)} is never closed (crashed run?): ${tests.length} complete test(s) kept`);
    }
  } else if (skipWs(i) < text.length) {
    warnings.push(`ignored text after the array, from line ${lineAt(text, skipWs(i))}`);
  }
  return { tests, warnings, errors };
}
