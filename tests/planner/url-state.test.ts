import { describe, expect, it } from "vitest";
import {
  decodeScenarioParam,
  encodeScenarioParam,
  MAX_SCENARIO_PARAM_CHARS,
  planHref,
  SCENARIO_PARAM,
} from "@/lib/planner/url-state";
import { fixtureScenario } from "../plan-view/fixture";

describe("scenario URL state", () => {
  it("reads back the scenario it wrote", () => {
    const scenario = fixtureScenario();
    const decoded = decodeScenarioParam(encodeScenarioParam(scenario));
    expect(decoded).toEqual({ ok: true, scenario });
  });

  it("fills the schema's defaults into a partial scenario", () => {
    const decoded = decodeScenarioParam(JSON.stringify({ version: 1, edge: { variant: "v1" }, cloud: { price: "p/model" } }));
    expect(decoded.ok && decoded.scenario.traffic.monthlyActiveUsers).toBe(50_000);
    expect(decoded.ok && decoded.scenario.tiers.map((t) => t.id)).toEqual(["simple", "medium", "complex"]);
  });

  it("names the link's parameter when the JSON is cut off", () => {
    const raw = encodeScenarioParam(fixtureScenario());
    const decoded = decodeScenarioParam(raw.slice(0, raw.length / 2));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.issues).toHaveLength(1);
    expect(decoded.issues[0]!.path).toBe(SCENARIO_PARAM);
    expect(decoded.issues[0]!.message).toMatch(/cut off or is not JSON/);
  });

  it("names the field a tampered value breaks, by its zod path", () => {
    const doc = JSON.parse(encodeScenarioParam(fixtureScenario())) as { traffic: Record<string, unknown> };
    doc.traffic.monthlyActiveUsers = -5;
    const decoded = decodeScenarioParam(JSON.stringify(doc));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.issues.map((i) => i.path)).toEqual(["traffic.monthlyActiveUsers"]);
  });

  it("names an array element and an unknown key", () => {
    const doc = JSON.parse(encodeScenarioParam(fixtureScenario())) as { tiers: Record<string, unknown>[]; extra?: number };
    doc.tiers[0]!.share = "lots";
    doc.extra = 1;
    const decoded = decodeScenarioParam(JSON.stringify(doc));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const paths = decoded.issues.map((i) => i.path);
    expect(paths).toContain("tiers.0.share");
    // zod reports an unrecognised key at the object that holds it (the root here).
    expect(decoded.issues.some((i) => i.path === "" && /extra/.test(i.message))).toBe(true);
  });

  it("refuses a version newer than the planner, naming the version", () => {
    const decoded = decodeScenarioParam(JSON.stringify({ ...fixtureScenario(), version: 99 }));
    expect(decoded).toMatchObject({ ok: false, issues: [{ path: "version" }] });
  });

  it("refuses a missing version and a document that is not an object", () => {
    expect(decodeScenarioParam("{}")).toMatchObject({ ok: false, issues: [{ path: "version" }] });
    expect(decodeScenarioParam("42").ok).toBe(false);
  });

  it("refuses a parameter over the API's 256 KB body limit before parsing it", () => {
    const decoded = decodeScenarioParam("x".repeat(MAX_SCENARIO_PARAM_CHARS + 1));
    expect(decoded).toMatchObject({ ok: false, issues: [{ path: SCENARIO_PARAM }] });
  });

  it("links to the planner with the scenario in `s`, readable by URLSearchParams", () => {
    const scenario = fixtureScenario({ name: "A & B #1 ?" });
    const href = planHref(scenario);
    expect(href.startsWith("/plan?s=")).toBe(true);
    const raw = new URL(href, "http://x").searchParams.get(SCENARIO_PARAM)!;
    expect(decodeScenarioParam(raw)).toEqual({ ok: true, scenario });
    expect(planHref(scenario, "table")).toMatch(/&view=table$/);
  });
});

describe("scenarios too long for a link", () => {
  // 200 inline runs, each naming its device inline: far past the 8 KB a /plan link may carry.
  const long = () => {
    const scenario = fixtureScenario();
    const device = { name: "A phone with a long name", ramGB: 8, memoryBandwidthGBps: 60, batteryWh: 15, status: "claimed" as const };
    return {
      ...scenario,
      edge: { ...scenario.edge, runs: Array.from({ length: 200 }, (_, i) => ({ device: { ...device, id: `phone-${i}` }, decodeTokensPerSec: 10 + i, status: "claimed" as const })) },
    };
  };

  it("links a short scenario by its content and a long one by its share id", () => {
    expect(planHref(fixtureScenario(), undefined, "AbCdEfGh2345")).toMatch(/^\/plan\?s=/);
    const scenario = long();
    expect(encodeURIComponent(encodeScenarioParam(scenario)).length).toBeGreaterThan(16 * 1024);
    expect(planHref(scenario, "table", "AbCdEfGh2345")).toBe("/plan?from=AbCdEfGh2345&view=table");
    // Without a share id there is nothing shorter to give.
    expect(planHref(scenario)).toMatch(/^\/plan\?s=/);
  });
});
