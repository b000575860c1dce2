import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { compareCumulative, compareInputs, compareResults, type ComparedScenario } from "@/lib/plan-view/scenario-compare";
import { scenarioLabels } from "@/lib/plan-view/scenario-labels";
import { fixtureScenario, scenarioInput, snapshot } from "./fixture";

function compared(overrides: Parameters<typeof fixtureScenario>[0]): ComparedScenario {
  const scenario = fixtureScenario(overrides);
  return { title: scenario.name, scenario, plan: planScenario(scenario, snapshot, { tornado: false }), labels: scenarioLabels(scenario, snapshot) };
}

// 1,000 users: 200,000 requests a month at $0.0002 = $40; 2,000 users: $80. Both stay cloud-only
// (the hybrid's $5,000 set-up does not pay back on half the users' phones within 12 months).
const small = compared({});
const large = compared({
  name: "Twice the users",
  traffic: { ...scenarioInput.traffic!, monthlyActiveUsers: 2000 },
  tiers: [
    { id: "all", share: 0.5, inputTokens: 100, outputTokens: 50 },
    { id: "long", share: 0.5, inputTokens: 100, outputTokens: 50 },
  ],
});

describe("scenario comparison", () => {
  it("lines the inputs up by what they are and marks where they differ", () => {
    const rows = new Map(compareInputs([small, large]).map((r) => [r.key, r]));
    expect(rows.get("traffic.monthlyActiveUsers")).toEqual({
      key: "traffic.monthlyActiveUsers",
      label: "Monthly active users",
      values: ["1,000 users", "2,000 users"],
      differs: true,
    });
    expect(rows.get("traffic.requestsPerUserPerDay")!.differs).toBe(false);
    expect(rows.get("cloud.price")!.values).toEqual(["model (p)", "model (p)"]);
    // Tiers are matched by id: "all" is in both (100% vs 50%), "long" only in the second.
    expect(rows.get("tier:all:share")!.values).toEqual(["100%", "50%"]);
    expect(rows.get("tier:long:share")!.values).toEqual(["not in this scenario", "50%"]);
    expect(rows.get("device:phone-a")!.values).toEqual(["50%", "50%"]);
    // The dataset's name for the device, not its id.
    expect(rows.get("device:phone-a")!.label).toBe("Share of users on Phone A");
    expect(rows.get("name")!.values).toEqual(["Fixture", "Twice the users"]);
  });

  it("puts the answers' figures in the same rows", () => {
    const rows = new Map(compareResults([small, large]).map((r) => [r.key, r]));
    expect(rows.get("rec-strategy")!.values).toEqual(["Cloud-only", "Cloud-only"]);
    expect(rows.get("rec-strategy")!.differs).toBe(false);
    expect(rows.get("rec-month-first")!.values).toEqual(["$40.00", "$80.00"]);
    expect(rows.get("rec-tco")!.values).toEqual(["$3,480", "$3,960"]); // $3,000 + 12 × $40; $3,000 + 12 × $80
  });

  it("draws each recommended strategy's cumulative cost on one month axis", () => {
    const rows = compareCumulative([small, large]);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual({ month: 0, s0: 3000, s1: 3000 });
    expect(rows[1]!.s0).toBeCloseTo(3040, 6);
    expect(rows[1]!.s1).toBeCloseTo(3080, 6);
    expect(rows[12]!.s0).toBeCloseTo(3480, 6);
    expect(rows[12]!.s1).toBeCloseTo(3960, 6);
  });
});
