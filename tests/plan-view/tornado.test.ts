import { describe, expect, it } from "vitest";
import { niceRange } from "@/lib/plan-view/nice-scale";
import { tornadoTable } from "@/lib/plan-view/tables";
import { formatUsdDelta, tornadoSeries } from "@/lib/plan-view/tornado";
import { fixturePlan } from "./fixture";

/*
 * The fixture's hybrid over 12 months (fixture.ts): Phone A (half the users) runs the model,
 * Phone B cannot (2 GB RAM), the other quarter stays on the cloud.
 *   cloud-only  = $3,000 + 12 × $40                                   = $3,480
 *   downloads   = 500 users × 1 GB × $0.02 = $10 in month 1,
 *                 then 500 × (0.05 + 2/12) × $0.02 = $2.1667 × 11       = $33.83
 *   hybrid      = $5,000 set-up + 12 × $20 infra + 12 × $20 cloud + $33.83 = $5,513.83
 *   savings     = $3,480 − $5,513.83                                  = −$2,033.83
 */
const BASE = 3480 - (5000 + 240 + 240 + 10 + 11 * (500 * (0.05 + 2 / 12) * 0.02));

describe("tornadoSeries", () => {
  const series = tornadoSeries(fixturePlan());
  const byInput = (input: string) => series.rows.find((r) => r.input === input)!;

  it("starts from the hybrid's savings against cloud-only as entered", () => {
    expect(series.baseSavingsUsd).toBeCloseTo(-2033.83, 2);
    expect(series.baseSavingsUsd).toBeCloseTo(BASE, 9);
  });

  it("sorts by swing: the hybrid's set-up cost first, then the traffic", () => {
    // Set-up ±25 % is ∓$1,250 straight off the savings: a $2,500 swing, more than any running cost moves in a year.
    expect(series.rows.slice(0, 3).map((r) => r.input)).toEqual([
      "costs.setupUsd.hybrid",
      "traffic.requestsPerUserPerDay",
      "traffic.monthlyActiveUsers",
    ]);
    const swings = series.rows.map((r) => r.swingUsd);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it("gives the savings at each value, relative to the base", () => {
    const setup = byInput("costs.setupUsd.hybrid");
    // $3,750 set-up: −$2,033.83 + $1,250; $6,250: −$2,033.83 − $1,250.
    expect(setup.savingsAtLowUsd).toBeCloseTo(-783.83, 2);
    expect(setup.savingsAtHighUsd).toBeCloseTo(-3283.83, 2);
    expect(setup.lowDeltaUsd).toBeCloseTo(1250, 9);
    expect(setup.highDeltaUsd).toBeCloseTo(-1250, 9);
    expect(setup.swingUsd).toBeCloseTo(2500, 9);

    const mau = byInput("traffic.monthlyActiveUsers");
    // 750 MAU: cloud-only $3,000 + 12 × $30 = $3,360; hybrid $5,240 + 12 × $15 + $33.83 × 0.75 = $5,445.38.
    expect(mau.savingsAtLowUsd).toBeCloseTo(3360 - 5445.375, 6);
    // 1,250 MAU: $3,600 against $5,240 + 12 × $25 + $33.83 × 1.25 = $5,582.29.
    expect(mau.savingsAtHighUsd).toBeCloseTo(3600 - (5540 + 33.8333333 * 1.25), 4);
    // Downloads do not grow with requests: 7.5 a day saves 12 × $5 less on the cloud, nothing else moves.
    expect(byInput("traffic.requestsPerUserPerDay").lowDeltaUsd).toBeCloseTo(-60, 9);
  });

  it("names each input with its unit and the values tried", () => {
    const price = byInput("cloud.price.outputUsdPerMTok");
    expect(price.label).toBe("Cloud output price (per 1M tokens)");
    expect([price.lowText, price.baseText, price.highText]).toEqual(["$1.50", "$2.00", "$2.50"]);
    // Scaled across tiers: the sum of tier tokens means nothing, the factor does.
    const tokens = byInput("tiers.*.outputTokens");
    expect(tokens.label).toBe("Output tokens, every tier (× as entered)");
    expect([tokens.lowText, tokens.highText]).toEqual(["×0.75", "×1.25"]);
    expect(byInput("constraints.latencyBudgetMs").lowText).toBe("3,750 ms");
    expect(byInput("devices.*.share").highText).toBe("93.8%");
  });

  it("draws only the inputs that move the savings and lists the rest", () => {
    // Phone A stays within the 5 s budget and the 2 % battery cap either way (3 s, 0.22 %/day): nothing moves.
    expect(series.noEffect).toEqual(["Edge decode speed, every phone", "Edge power draw, every phone", "Latency budget", "Battery cap"]);
    expect(series.shown).toHaveLength(series.rows.length - 4);
    expect(series.empty).toBeNull();
    expect(series.heightPx).toBe(70 + 10 * 34);
  });

  it("diverges around the base; both sides the same way share one line without overlapping", () => {
    const setup = byInput("costs.setupUsd.hybrid");
    expect(setup.lowBar).toEqual([BASE, setup.savingsAtLowUsd]);
    expect(setup.highBar).toEqual([BASE, setup.savingsAtHighUsd]);
    // The axis reaches both ends in $1,000 steps: −$3,283.83 … −$783.83, through the base.
    expect(series.axis).toEqual({ domain: [-4000, 0], ticks: [-4000, -3000, -2000, -1000, 0] });
  });

  it("shows an empty state, not a chart of the set-up cost alone, when no phone runs the model", () => {
    const empty = tornadoSeries(fixturePlan({ devices: [] }));
    expect(empty.empty).toMatch(/^The hybrid runs nothing on phones here/);
    expect(empty.shown).toEqual([]);
    // The table still has every input the engine moved.
    expect(empty.rows.length).toBeGreaterThan(0);
  });
});

describe("tornadoTable", () => {
  it("carries the chart's numbers for CSV and Markdown, base savings in the title", () => {
    const table = tornadoTable(fixturePlan());
    expect(table.title).toContain("−$2,034 as entered");
    expect(table.rows[0]).toEqual(["Hybrid set-up cost", "$3,750", "$5,000", "$6,250", "−$784", "−$3,284", "+$1,250", "−$1,250", "$2,500"]);
    const budget = table.rows.find((r) => r[0] === "Latency budget")!;
    expect(budget.slice(6)).toEqual(["$0", "$0", "no effect"]);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});

describe("niceRange", () => {
  it("covers a range across zero with zero as a tick", () => {
    // 4,650 / 4 = 1,162.5 → a $2,000 step.
    expect(niceRange(-1250, 3400)).toEqual({ domain: [-2000, 4000], ticks: [-2000, 0, 2000, 4000] });
  });

  it("keeps values on a step and gives a single value room", () => {
    expect(niceRange(-3000, -1000).domain).toEqual([-3000, -1000]);
    // 500 / 4 = 125 → a 200 step around it.
    expect(niceRange(500, 500).domain).toEqual([400, 600]);
  });
});

describe("formatUsdDelta", () => {
  it("signs a change and calls float noise no change", () => {
    expect([1250, -60, 1e-12].map(formatUsdDelta)).toEqual(["+$1,250", "−$60.00", "$0"]);
  });
});
