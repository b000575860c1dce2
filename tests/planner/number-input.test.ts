import { describe, expect, it } from "vitest";
import { formatNumberInput, parseNumberInput } from "@/lib/planner/number-input";

describe("parseNumberInput", () => {
  it("reads plain, grouped and suffixed numbers", () => {
    expect(parseNumberInput("50000")).toEqual({ kind: "number", value: 50000 });
    expect(parseNumberInput(" 50,000 ")).toEqual({ kind: "number", value: 50000 });
    expect(parseNumberInput("50k")).toEqual({ kind: "number", value: 50000 });
    expect(parseNumberInput("1.2M")).toEqual({ kind: "number", value: 1_200_000 });
    expect(parseNumberInput("2b")).toEqual({ kind: "number", value: 2e9 });
    expect(parseNumberInput(".5")).toEqual({ kind: "number", value: 0.5 });
    expect(parseNumberInput("-10")).toEqual({ kind: "number", value: -10 });
    expect(parseNumberInput("−10")).toEqual({ kind: "number", value: -10 });
    expect(parseNumberInput("1e3")).toEqual({ kind: "number", value: 1000 });
  });

  it("tells empty input from a typo", () => {
    expect(parseNumberInput("  ")).toEqual({ kind: "empty" });
    expect(parseNumberInput("abc")).toEqual({ kind: "invalid" });
    expect(parseNumberInput("1.2.3")).toEqual({ kind: "invalid" });
    expect(parseNumberInput("5kk")).toEqual({ kind: "invalid" });
    expect(parseNumberInput("1e999")).toEqual({ kind: "invalid" });
  });
});

describe("formatNumberInput", () => {
  it("shows a share × 100 without float noise", () => {
    // 0.07 × 100 = 7.000000000000001 in binary floating point.
    expect(formatNumberInput(0.07 * 100)).toBe("7");
    expect(formatNumberInput(0.1 + 0.2)).toBe("0.3");
    expect(formatNumberInput(50000)).toBe("50000");
    expect(formatNumberInput(null)).toBe("");
  });
});
