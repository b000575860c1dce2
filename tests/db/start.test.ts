import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

describe("reading the environment", () => {
  it("defaults to the embedded database file", () => {
    expect(readEnv({}).DATABASE_URL).toBe("file:data/app.db");
  });

  it("names the variable when a URL has no known scheme", () => {
    expect(() => readEnv({ DATABASE_URL: "postgres://x" })).toThrow(/DATABASE_URL must start with file:/);
  });
});

describe("a database that cannot be opened", () => {
  it("is described by its innermost cause on one line", async () => {
    const { describeFailure } = await import("@/db/migrate");
    const wrapped = new Error("Failed query: select 1\nparams: ", { cause: new Error("getaddrinfo ENOTFOUND db.invalid") });
    expect(describeFailure(wrapped)).toBe("getaddrinfo ENOTFOUND db.invalid");
  });
});
