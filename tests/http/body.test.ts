import { describe, expect, it } from "vitest";
import { parseJsonText, readJsonBody, readTextBody } from "@/lib/http/body";
import { ApiError } from "@/lib/http/errors";

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request("http://x/api", { method: "POST", body, headers });
}

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("reading request bodies", () => {
  it("reads a body under the limit", async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
  });

  it("refuses a body over the limit with a 413, by declared length or by counting", async () => {
    const declared = await errorOf(readTextBody(post("x".repeat(10), { "content-length": "1000" }), 100));
    expect([declared.status, declared.code]).toEqual([413, "too_large:body"]);
    const counted = await errorOf(readTextBody(post("x".repeat(101)), 100));
    expect(counted.status).toBe(413);
  });

  it("answers malformed JSON with a 422 that quotes the parser", async () => {
    const error = await errorOf(Promise.resolve().then(() => parseJsonText('{"a":')));
    expect(error.status).toBe(422);
    expect(error.issues[0]?.path).toBe("(body)");
  });

  it("refuses __proto__ keys anywhere in the document", async () => {
    const error = await errorOf(Promise.resolve().then(() => parseJsonText('{"x":{"__proto__":{"polluted":1}}}')));
    expect(error.message).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("deeply nested bodies", () => {
  it("refuses 100,000 nested arrays with a located 422, not a stack overflow", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const error = await errorOf(Promise.resolve().then(() => parseJsonText(deep)));
    expect([error.status, error.code]).toEqual([422, "invalid:json"]);
    // 64 levels are allowed: the first refused container is the 65th, at index path [0] × 64.
    expect(error.issues[0]?.path).toBe("[0]".repeat(64));
    expect(error.issues[0]?.message).toMatch(/deeper than 64/);
  });

  it("accepts nesting up to 64 levels", () => {
    const ok = "[".repeat(64) + "]".repeat(64);
    expect(() => parseJsonText(ok)).not.toThrow();
  });
});
