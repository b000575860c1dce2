import { describe, expect, it } from "vitest";
import { readableNumbers } from "@/lib/format/numbers";

describe("readableNumbers", () => {
  it("rounds long decimals in prose the way figures are shown", () => {
    // formatFigure: whole from 100 up, one decimal from 1, two below 1.
    expect(readableNumbers("scaled by decode 185.59950132964056 tokens/s")).toBe("scaled by decode 186 tokens/s");
    expect(readableNumbers("12.3456 ms and 0.60317 W")).toBe("12.3 ms and 0.6 W");
  });

  it("leaves whole numbers, short decimals, versions, dates and ids as written", () => {
    const text = "500 ms on samsung-s23 (seed 001, v1.2.3, 2026-01-01) at 4.25 W, qwen3-1.7b-q4_0";
    expect(readableNumbers(text)).toBe(text);
  });
});
