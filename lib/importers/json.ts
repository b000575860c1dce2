/**
 * JSON reading shared by the importers: parse errors located by line and
 * column, and keys that could pollute prototypes refused before any object
 * from the file is spread or merged.
 */
import type { ImportIssue } from "./result";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function lineAt(text: string, offset: number): number {
  return lineColumn(text, offset).line;
}

/**
 * Offset of the first syntax error, for messages; -1 when the text parses.
 * V8's JSON.parse names a position only for some errors, so this small
 * recursive-descent scan finds it for all of them.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const isWs = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
  const ws = () => {
    while (isWs(text[i])) i++;
  };
  const stop = (): never => {
    throw new SyntaxAt(i);
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined || c < " ") stop();
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop();
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          stop();
        }
      } else i++;
    }
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) stop();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop();
        str();
        ws();
        if (text[i] !== ":") stop();
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        stop();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        stop();
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return num();
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    stop();
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    return -1; // nesting too deep to scan: report without a position
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}

/** Deeper than any file of the format: the native format nests four levels, a feed six. */
export const MAX_JSON_DEPTH = 64;

export interface JsonShapeIssue {
  /** Where: a dotted path with [index] for array items. */
  at: string;
  kind: "forbidden_key" | "too_deep";
}

/**
 * Prototype-polluting keys anywhere in a parsed value, and nesting deeper than
 * `maxDepth`: one explicit stack instead of recursion, so a file of 100,000
 * nested brackets is a located refusal rather than a stack overflow.
 */
export function findJsonShapeIssues(value: unknown, maxDepth = MAX_JSON_DEPTH, limit = 10): JsonShapeIssue[] {
  const found: JsonShapeIssue[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0 && found.length < limit) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= maxDepth) {
      found.push({ at: item.path || "(root)", kind: "too_deep" });
      continue;
    }
    const children: { value: unknown; path: string; depth: number }[] = [];
    if (Array.isArray(item.value)) {
      item.value.forEach((child, index) => children.push({ value: child, path: `${item.path}[${index}]`, depth: item.depth + 1 }));
    } else {
      for (const key of Object.keys(item.value)) {
        const at = item.path === "" ? key : `${item.path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) found.push({ at, kind: "forbidden_key" });
        else children.push({ value: (item.value as Record<string, unknown>)[key], path: at, depth: item.depth + 1 });
      }
    }
    // Pushed in reverse so the walk reports issues in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found.slice(0, limit);
}

export function forbiddenKeyIssues(value: unknown, prefix = ""): ImportIssue[] {
  return findJsonShapeIssues(value).map(({ at, kind }) => ({
    where: prefix + at,
    message:
      kind === "too_deep"
        ? `nested deeper than ${MAX_JSON_DEPTH} levels; no file of a supported format does that`
        : `the key "${at.split(/[.[]/).pop()}" is not allowed (it could alter object prototypes)`,
  }));
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; errors: ImportIssue[] };

/** Parses a whole document; errors carry line and column, forbidden keys are refused. */
export function parseJsonDocument(text: string): JsonParse {
  const body = stripBom(text);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const detail = error instanceof Error ? error.message : String(error);
    if (offset < 0) return { ok: false, errors: [{ where: "(file)", message: `not valid JSON: ${detail}` }] };
    const { line, column } = lineColumn(body, offset);
    const what = offset >= body.length ? "the text ends early" : `unexpected ${JSON.stringify(body[offset])}`;
    return { ok: false, errors: [{ where: `line ${line}, column ${column}`, message: `not valid JSON: ${what}` }] };
  }
  const forbidden = forbiddenKeyIssues(value);
  return forbidden.length > 0 ? { ok: false, errors: forbidden } : { ok: true, value };
}

/** Importers take text (an upload) or an already parsed value (a test, the seeder). */
export function readInput(input: unknown): JsonParse {
  if (typeof input === "string") return parseJsonDocument(input);
  const forbidden = forbiddenKeyIssues(input);
  return forbidden.length > 0 ? { ok: false, errors: forbidden } : { ok: true, value: input };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
