import { describe, expect, it } from "vitest";
import { chooseStrategy } from "@/lib/model/recommendation";

const s = (tcoUsd: number, feasible = true) => ({ tcoUsd, feasible });

describe("chooseStrategy", () => {
  it("picks the feasible strategy of least TCO", () => {
    expect(chooseStrategy({ cloudOnly: s(100), hybrid: s(90), edgeOnly: s(80) })).toBe("edgeOnly");
    expect(chooseStrategy({ cloudOnly: s(100), hybrid: s(90), edgeOnly: s(10, false) })).toBe("hybrid");
  });

  it("prefers cloud-only on a tie", () => {
    expect(chooseStrategy({ cloudOnly: s(100), hybrid: s(100), edgeOnly: s(100) })).toBe("cloudOnly");
    // equal up to summation order
    expect(chooseStrategy({ cloudOnly: s(0.1 + 0.2), hybrid: s(0.3), edgeOnly: s(1, false) })).toBe("cloudOnly");
  });

  it("prefers the hybrid to edge-only on a tie", () => {
    expect(chooseStrategy({ cloudOnly: s(100), hybrid: s(50), edgeOnly: s(50) })).toBe("hybrid");
  });
});
