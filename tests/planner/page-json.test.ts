import { describe, expect, it } from "vitest";
import { fromPageJson, toPageJson } from "@/lib/planner/page-json";

describe("page JSON", () => {
  it("sends a value of finite numbers, strings, nulls and nesting as one string, and reads it back equal", () => {
    const value = { id: "s23", ramGB: 8, scores: [{ score: 68.2, source: null }], name: "Galaxy \"S23\" </script>" };
    const packed = toPageJson(value);
    expect(packed).toEqual({ json: JSON.stringify(value) });
    expect(fromPageJson(packed)).toEqual(value);
  });

  it("leaves a value holding a number that is not finite as it is (JSON would make it null)", () => {
    const value = { breakEvenMonth: Number.POSITIVE_INFINITY, nested: [{ x: Number.NaN }] };
    const packed = toPageJson(value);
    expect(packed).toEqual({ value });
    expect(fromPageJson(packed)).toBe(value);
  });

  it("drops properties set to undefined, as absent ones", () => {
    const read = fromPageJson(toPageJson({ a: 1, b: undefined as number | undefined }));
    expect(read).toEqual({ a: 1 });
    expect("b" in read).toBe(false);
  });
});
