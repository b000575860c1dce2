import { describe, expect, it } from "vitest";
import { logTicks } from "@/lib/charts/log-ticks";

describe("logTicks", () => {
  it("steps 1-2-5 from the tick at or below min to the first at or above max", () => {
    expect(logTicks(3.2, 287)).toEqual([2, 5, 10, 20, 50, 100, 200, 500]);
    expect(logTicks(10, 100)).toEqual([10, 20, 50, 100]);
    expect(logTicks(0.35, 0.9)).toEqual([0.2, 0.5, 1]);
  });

  it("is empty without a positive range", () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(Number.NaN, 10)).toEqual([]);
  });
});
