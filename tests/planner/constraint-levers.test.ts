import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { constraintLevers } from "@/lib/planner/constraint-levers";
import { latencyTargetWords } from "@/lib/planner/latency-target";
import { fixtureScenario, snapshot } from "../plan-view/fixture";

describe("constraintLevers", () => {
  it("names each limit the scenario sets with its value and a change that lifts it", () => {
    // The fixture sets a 5,000 ms budget and a 2% battery cap; its tier asks no quality.
    const scenario = fixtureScenario();
    const levers = constraintLevers(scenario, planScenario(scenario, snapshot, { tornado: false }), snapshot);
    expect(levers.map((l) => [l.id, l.text, l.changeLabel])).toEqual([
      ["latency", "Latency budget: 5,000 ms for the whole response", "Remove the budget"],
      ["battery", "Battery cap: 2% of a charge per user-day", "Remove the cap"],
    ]);
    const lifted = levers[0]!.change(scenario);
    expect(lifted.constraints.latencyBudgetMs).toBeNull();
    expect(lifted.constraints.maxBatteryPctPerUserDay).toBe(2);
  });

  it("marks the limit that binds and says what lifting it does to the answer", () => {
    // Phone A decodes 20 tok/s: 500 ms first token + 50 tokens ÷ 20 tok/s = 3,000 ms, over a 1,000 ms
    // budget, so the budget keeps Phone A (half the users) off the edge and the answer is cloud-only.
    const traffic = { monthlyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20, monthlyGrowthPct: 0 };
    const scenario = fixtureScenario({ traffic, constraints: { latencyBudgetMs: 1000, maxBatteryPctPerUserDay: null } });
    const plan = planScenario(scenario, snapshot, { tornado: false });
    expect(plan.recommendation.strategy).toBe("cloudOnly");
    expect(plan.recommendation.bindingConstraint).toBe("latency");
    const [latency, ...rest] = constraintLevers(scenario, plan, snapshot);
    expect(rest).toEqual([]);
    expect(latency!.binds).toBe(true);

    // Without the budget: cloud-only = $3,000 + 12 × 200M requests × $0.0002 = $483,000; the hybrid
    // moves Phone A's half to the phone and is cheaper, so the lever says so with the savings.
    const lifted = planScenario(latency!.change(scenario), snapshot, { tornado: false });
    expect(lifted.strategies.cloudOnly.tcoUsd).toBeCloseTo(483_000, 6);
    expect(lifted.recommendation.strategy).toBe("hybrid");
    const savings = 483_000 - lifted.strategies.hybrid.tcoUsd;
    expect(latency!.outcome).toBe(`Hybrid, saves $${(savings / 1000).toFixed(1)}K`);
  });

  it("offers nothing when the scenario sets no limit, and no outcome when lifting one changes nothing", () => {
    const free = fixtureScenario({ constraints: { latencyBudgetMs: null, maxBatteryPctPerUserDay: null } });
    expect(constraintLevers(free, planScenario(free, snapshot, { tornado: false }), snapshot)).toEqual([]);
    // 1,000 users: the hybrid's $5,000 set-up never pays back, with or without the 1,000 ms budget.
    const small = fixtureScenario({ constraints: { latencyBudgetMs: 1000, maxBatteryPctPerUserDay: null } });
    const [latency] = constraintLevers(small, planScenario(small, snapshot, { tornado: false }), snapshot);
    expect(latency!.outcome).toBeNull();
  });

  it("says in words what the budget bounds", () => {
    const scenario = fixtureScenario();
    expect(latencyTargetWords(scenario)).toBe("the whole response");
    expect(latencyTargetWords({ ...scenario, constraints: { ...scenario.constraints, latencyTarget: "firstToken" } })).toBe("the first token");
  });
});
