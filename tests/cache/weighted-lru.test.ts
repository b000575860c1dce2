import { describe, expect, it } from "vitest";
import { WeightedLru } from "@/lib/cache/weighted-lru";

/** Values are their own weights. */
const byValue = () => new WeightedLru<string, number>(10, (n) => n);

describe("WeightedLru", () => {
  it("lets the least recently stored go first once the weights pass the bound", () => {
    const lru = byValue();
    lru.set("a", 4);
    lru.set("b", 3);
    lru.set("c", 3);
    // 4 + 3 + 3 = 10: within the bound.
    expect(lru.keys()).toEqual(["a", "b", "c"]);
    expect(lru.weight).toBe(10);
    // 10 + 2 = 12 > 10: a (4) goes, 8 left.
    lru.set("d", 2);
    expect(lru.keys()).toEqual(["b", "c", "d"]);
    expect(lru.weight).toBe(8);
    // 8 + 7 = 15: b (3) goes, 12; c (3) goes, 9.
    lru.set("e", 7);
    expect(lru.keys()).toEqual(["d", "e"]);
    expect(lru.weight).toBe(9);
    expect(lru.get("a")).toBeUndefined();
  });

  it("moves a key read or stored again to the most recent end", () => {
    const lru = byValue();
    lru.set("a", 4);
    lru.set("b", 3);
    lru.set("c", 3);
    expect(lru.get("a")).toBe(4);
    expect(lru.keys()).toEqual(["b", "c", "a"]);
    // b stored again with 1: 4 + 3 + 1 = 8, and b now the most recent.
    lru.set("b", 1);
    expect(lru.keys()).toEqual(["c", "a", "b"]);
    expect(lru.weight).toBe(8);
    // 8 + 5 = 13: c (3) goes, 10; a, read before b was stored again, is next but not needed.
    lru.set("d", 5);
    expect(lru.keys()).toEqual(["a", "b", "d"]);
    expect(lru.weight).toBe(10);
  });

  it("never lets go the value just stored, kept alone when heavier than the bound", () => {
    const lru = byValue();
    lru.set("a", 2);
    lru.set("b", 3);
    // 2 + 3 + 12 = 17: a and b go, and 12 > 10 stays.
    lru.set("big", 12);
    expect(lru.keys()).toEqual(["big"]);
    expect(lru.weight).toBe(12);
    // 12 + 1 = 13: big goes, not the one just stored.
    lru.set("c", 1);
    expect(lru.keys()).toEqual(["c"]);
    expect(lru.weight).toBe(1);
  });

  it("counts one a value without a weight: bounded by entries", () => {
    const lru = new WeightedLru<number, string>(2);
    lru.set(1, "one");
    lru.set(2, "two");
    lru.get(1);
    lru.set(3, "three");
    // 2 was the least recently used.
    expect(lru.keys()).toEqual([1, 3]);
    expect(lru.get(2)).toBeUndefined();
    expect(lru.get(3)).toBe("three");
  });
});
