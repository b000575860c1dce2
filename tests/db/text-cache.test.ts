import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedBytesUntilWrite, cachedTextUntilWrite, TEXT_CACHE_CHARS } from "@/db/queries/version-cache";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("answers kept as text until a write", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  /** Loads `text` under `key`, counting the loads. */
  const loads: string[] = [];
  const get = (key: string, text: string) =>
    cachedTextUntilWrite(temp.db, key, async () => {
      loads.push(key);
      return text;
    });

  it("keeps at most TEXT_CACHE_CHARS, the least recently used going first, and nothing over a quarter of it", async () => {
    loads.length = 0;
    // Five answers of a fifth of the bound each (plus their keys): the fifth pushes the first out.
    const fifth = "x".repeat(Math.floor(TEXT_CACHE_CHARS / 5));
    for (const key of ["a", "b", "c", "d"]) await get(key, fifth);
    await get("a", fifth); // a is now the most recently used, b the least
    await get("e", fifth);
    expect(loads).toEqual(["a", "b", "c", "d", "e"]);
    await get("a", fifth);
    await get("c", fifth);
    expect(loads).toHaveLength(5);
    await get("b", fifth);
    expect(loads.at(-1)).toBe("b");

    const big = "y".repeat(Math.floor(TEXT_CACHE_CHARS / 4) + 1);
    await get("big", big);
    await get("big", big);
    expect(loads.filter((k) => k === "big")).toHaveLength(2);
  });

  it("counts an answer kept as bytes by its bytes, in the same bound as the text answers", async () => {
    loads.length = 0;
    const getBytes = (key: string, bytes: Uint8Array<ArrayBuffer>) =>
      cachedBytesUntilWrite(temp.db, key, async () => {
        loads.push(key);
        return bytes;
      });
    // Two text answers and two byte answers of a fifth of the bound each, then a fifth byte answer:
    // it pushes the least recently used (the first text answer) out, as five text answers would.
    const fifth = Math.floor(TEXT_CACHE_CHARS / 5);
    const bytes = new Uint8Array(fifth);
    await get("t1", "x".repeat(fifth));
    await get("t2", "x".repeat(fifth));
    expect(await getBytes("b1", bytes)).toBe(bytes);
    await getBytes("b2", new Uint8Array(fifth));
    await getBytes("b3", new Uint8Array(fifth));
    expect(loads).toEqual(["t1", "t2", "b1", "b2", "b3"]);
    expect(await getBytes("b1", new Uint8Array(1))).toBe(bytes);
    await get("t2", "y");
    expect(loads).toHaveLength(5);
    await get("t1", "x");
    expect(loads.at(-1)).toBe("t1");
    // Over a quarter of the bound in bytes: not kept.
    const big = new Uint8Array(Math.floor(TEXT_CACHE_CHARS / 4) + 1);
    await getBytes("big", big);
    await getBytes("big", big);
    expect(loads.filter((k) => k === "big")).toHaveLength(2);
  });

  it("loads again after a write", async () => {
    loads.length = 0;
    expect(await get("k", "one")).toBe("one");
    expect(await get("k", "two")).toBe("one");
    await ingestNativeFile(temp.db, {
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "a write" },
      prices: [{ provider: "acme", modelKey: "m", name: "Acme M", inputUsdPerMTok: 1, outputUsdPerMTok: 2, effectiveDate: "2026-01-01", status: "claimed" }],
    });
    expect(await get("k", "three")).toBe("three");
    expect(loads).toEqual(["k", "k"]);
  });
});
