import { describe, expect, it } from "vitest";
import { checkScenario } from "@/lib/planner/check-scenario";
import { fieldLabel } from "@/lib/planner/field-labels";
import { wordsForZodError } from "@/lib/planner/issue-words";
import { decodeScenarioParam } from "@/lib/planner/url-state";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { scenarioInput, snapshot } from "../plan-view/fixture";
import { withValue } from "../scenario-params/every-form";
import { schemaLeaves } from "../scenario-params/schema-leaves";

/** What would read as the schema rather than the person's terms: a dotted path, a camelCase key, zod's phrasing. */
const SCHEMA_PHRASE = /[a-z]\.[a-z]|[a-z][A-Z]|Too (small|big)|expected|Invalid input|>=|<=|\bNaN\b/;

function messagesOf(input: unknown): { path: string; message: string }[] {
  const checked = checkScenario(input, snapshot);
  if (checked.ok) throw new Error("expected the scenario to be refused");
  return checked.issues;
}

const base = scenarioInput as unknown as Record<string, unknown> & { traffic: object; tiers: object[]; devices: object[]; cloud: object; constraints: object };

describe("scenario problems in the editor's words", () => {
  it("says a negative user count the way the field is labelled", () => {
    expect(messagesOf({ ...base, traffic: { ...base.traffic, monthlyActiveUsers: -5 } })).toEqual([
      { path: "traffic.monthlyActiveUsers", message: "Monthly active users can't be negative" },
    ]);
  });

  it("speaks of tier shares in percent, as the editor shows them", () => {
    // One tier at 0.6: the shares sum to 60%.
    const issues = messagesOf({ ...base, tiers: [{ id: "all", share: 0.6, inputTokens: 100, outputTokens: 50 }] });
    expect(issues).toEqual([{ path: "tiers", message: "Tier shares add up to 60%; they must add up to 100%" }]);
  });

  it("states a limit in the field's own unit", () => {
    // A share is stored 0..1 and shown in %: the most is 1 → 100%.
    const [issue] = messagesOf({ ...base, cloud: { ...base.cloud, cachedInputShare: 1.5 } });
    expect(issue).toEqual({ path: "cloud.cachedInputShare", message: "Cached input share can be 100% at most" });
    const [horizon] = messagesOf({ ...base, horizonMonths: 0 });
    expect(horizon!.message).toBe("Horizon must be at least 1 months");
  });

  it("names an unknown price where it is missing", () => {
    expect(messagesOf({ ...base, cloud: { price: "nobody/none" } })).toEqual([
      { path: "cloud.price", message: "Cloud price: “nobody/none” is not in the price list" },
    ]);
  });

  it("never shows a schema path or zod's phrasing, whatever is wrong", () => {
    const broken: unknown[] = [
      { ...base, traffic: { ...base.traffic, monthlyActiveUsers: -1, requestsPerUserPerDay: "ten", activeDaysPerMonth: 40 } },
      { ...base, traffic: { ...base.traffic, monthlyGrowthPct: 500 } },
      { ...base, horizonMonths: 1.5 },
      { ...base, name: "" },
      { ...base, tiers: [] },
      { ...base, tiers: [{ id: "a", share: 0.5, inputTokens: -1, outputTokens: 50, minQuality: 120 }, { id: "a", share: 0.5, inputTokens: 1, outputTokens: 1 }] },
      { ...base, devices: [{ device: "phone-a", share: 0.9 }, { device: "phone-a", share: 0.9 }] },
      { ...base, devices: [{ device: { name: "Mine", ramGB: -2, memoryBandwidthGBps: 0 }, share: 0.5 }] },
      { ...base, constraints: { ...base.constraints, latencyBudgetMs: 0, usableRamFraction: 2, latencyTarget: "sometimes" } },
      { ...base, cloud: { price: { name: "Mine", inputUsdPerMTok: -1, outputUsdPerMTok: 1 } } },
      { ...base, edge: { variant: "no-such-variant" } },
      { ...base, surprise: true },
    ];
    for (const input of broken) {
      for (const issue of messagesOf(input)) {
        expect(issue.message, `${issue.path}: ${issue.message}`).not.toMatch(SCHEMA_PHRASE);
        expect(issue.message.length).toBeGreaterThan(5);
      }
    }
  });

  it("words a link's problems the same way", () => {
    const link = decodeScenarioParam(JSON.stringify({ ...base, traffic: { ...base.traffic, monthlyActiveUsers: -5 } }));
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.issues.map((i) => i.message)).toEqual(["Monthly active users can't be negative"]);
  });

  it("words a wrong value at every field of the schema with the field's label, never the schema's phrases", () => {
    /** Per kind of field: values a link or an API client might send that the schema refuses. */
    const WRONG: Record<string, unknown[]> = {
      number: [-1e13, 1e13, "ten", Number.NaN, true],
      string: ["", " ", "x".repeat(500), "a\u0001b", 5],
      enum: ["nonsense", 5],
      literal: [2],
    };
    let worded = 0;
    for (const [pattern, type] of schemaLeaves()) {
      if (pattern === "version") continue;
      const path = pattern.replaceAll("#", "0");
      for (const wrong of WRONG[type] ?? [Symbol("unknown kind")]) {
        const input = withValue(pattern, wrong);
        const parsed = scenarioSchema.safeParse(input);
        if (parsed.success) continue;
        for (const issue of wordsForZodError(parsed.error, input)) {
          const at = `${pattern} = ${String(wrong).slice(0, 12)}: ${issue.message}`;
          expect(issue.message, at).not.toMatch(SCHEMA_PHRASE);
          if (issue.path === path) expect(issue.message.startsWith(fieldLabel(path).label), at).toBe(true);
          worded++;
        }
      }
    }
    expect(worded).toBeGreaterThan(300);
  });

  it("says what a pattern wants in words", () => {
    const at = (pattern: string, value: unknown) => wordsForZodError(scenarioSchema.safeParse(withValue(pattern, value)).error!).map((i) => i.message);
    expect(at("qualityMetric", "MMLU Pro")).toEqual(["Quality metric must be a lowercase metric name such as mmlu"]);
    expect(at("name", "a\u0001b")).toEqual(["Scenario name must not contain control characters"]);
    expect(at("devices.#.device.name", 5)).toEqual(["Phone 1's name must be text"]);
  });
});
