import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { checkScenario } from "@/lib/planner/check-scenario";
import { defaultAt } from "@/lib/planner/defaults";
import {
  addDeviceClass,
  addInlineRunFor,
  addTier,
  inlineDeviceFromDataset,
  inlinePriceFromDataset,
  normalizeTierShares,
  removeDeviceClass,
  setDeviceRef,
} from "@/lib/planner/edits";
import { fallbackScenario } from "@/lib/planner/fallback-scenario";
import { getIn, setIn } from "@/lib/planner/set-in";
import { fixtureScenario, snapshot } from "../plan-view/fixture";

describe("setIn", () => {
  it("copies along the path and shares the rest", () => {
    const scenario = fixtureScenario();
    const next = setIn(scenario, ["tiers", 0, "share"], 0.5);
    expect(next.tiers[0]!.share).toBe(0.5);
    expect(scenario.tiers[0]!.share).toBe(1);
    expect(next.traffic).toBe(scenario.traffic);
    expect(getIn(next, ["tiers", 0, "share"])).toBe(0.5);
    expect(getIn(next, ["nope", 3])).toBeUndefined();
  });
});

describe("tier edits", () => {
  it("scales shares to sum to exactly 1, within the schema's tolerance", () => {
    let scenario = addTier(fixtureScenario());
    scenario = setIn(scenario, ["tiers", 1, "share"], 0.5);
    // 1 + 0.5 = 1.5 → 2/3 and 1/3.
    const normalized = normalizeTierShares(scenario);
    expect(normalized.tiers[0]!.share).toBeCloseTo(2 / 3, 12);
    expect(normalized.tiers[1]!.share).toBeCloseTo(1 / 3, 12);
    expect(checkScenario(normalized, snapshot).ok).toBe(true);
  });

  it("gives equal shares when every share is 0", () => {
    const scenario = setIn(addTier(fixtureScenario()), ["tiers", 0, "share"], 0);
    expect(normalizeTierShares(scenario).tiers.map((t) => t.share)).toEqual([0.5, 0.5]);
  });
});

describe("device edits", () => {
  it("adds the next dataset device with no users, and removes a class with its inline runs", () => {
    let scenario = removeDeviceClass(fixtureScenario(), 1);
    scenario = addDeviceClass(scenario, snapshot);
    expect(scenario.devices.map((d) => d.device)).toEqual(["phone-a", "phone-b"]);
    expect(scenario.devices[1]!.share).toBe(0);
    const plan = planScenario(scenario, snapshot);
    scenario = addInlineRunFor(scenario, plan.devices[0]!);
    expect(scenario.edge.runs).toHaveLength(1);
    expect(removeDeviceClass(scenario, 0).edge.runs).toHaveLength(0);
  });

  it("overrides a dataset device with an inline copy under the same key, keeping its runs", () => {
    const base = fixtureScenario();
    const copy = inlineDeviceFromDataset(snapshot, "phone-a")!;
    expect(copy).toMatchObject({ id: "phone-a", ramGB: 8, memoryBandwidthGBps: 60, batteryWh: 15 });
    const overridden = setDeviceRef(base, 0, { ...copy, ramGB: 16 });
    const before = planScenario(base, snapshot).devices[0]!;
    const after = planScenario(overridden, snapshot).devices[0]!;
    expect(after.deviceId).toBe("phone-a");
    // The dataset's measured run still sets the speed; only the RAM moved (usable 16 × 1000 × 0.5).
    expect(after.decodeTokensPerSec).toBe(before.decodeTokensPerSec);
    expect(after.usableMemoryMB).toBe(8000);
  });

  it("prefills an inline run with the figures the plan used, to 4 significant digits", () => {
    const scenario = fixtureScenario();
    const classPlan = planScenario(scenario, snapshot).devices[0]!;
    const withRun = addInlineRunFor(scenario, classPlan);
    expect(withRun.edge.runs[0]).toMatchObject({ device: "phone-a", decodeTokensPerSec: 20, ttftMs: 500, powerW: 4, throttlePct: 25 });
    expect(checkScenario(withRun, snapshot).ok).toBe(true);
    // Planning with the prefilled run gives the same latency as the dataset's run.
    const replanned = planScenario(withRun, snapshot).devices[0]!;
    expect(replanned.tiers[0]!.burstLatencyMs).toBeCloseTo(classPlan.tiers[0]!.burstLatencyMs!, 9);
  });

  it("rounds an estimated speed to a figure people can edit", () => {
    const classPlan = { ...planScenario(fixtureScenario(), snapshot).devices[0]!, decodeTokensPerSec: 36.1128526645768, ttftMs: 443.0555555 };
    expect(addInlineRunFor(fixtureScenario(), classPlan).edge.runs[0]).toMatchObject({ decodeTokensPerSec: 36.11, ttftMs: 443.1 });
  });
});

describe("inline price", () => {
  it("copies the dataset price so a negotiated one starts from it", () => {
    expect(inlinePriceFromDataset(snapshot, "p/model", "mmlu")).toEqual({
      name: "model (negotiated)",
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2,
      ttftMs: 400,
      tokensPerSec: 100,
      quality: 80,
      status: "claimed",
    });
  });
});

describe("checkScenario", () => {
  it("locates schema problems and unknown dataset ids alike", () => {
    const badShare = setIn(fixtureScenario(), ["tiers", 0, "share"], 0.4);
    expect(checkScenario(badShare, snapshot)).toMatchObject({ ok: false, issues: [{ path: "tiers" }] });
    const unknown = setDeviceRef(fixtureScenario(), 1, "phone-z");
    expect(checkScenario(unknown, snapshot)).toMatchObject({ ok: false, issues: [{ path: "devices.1.device" }] });
  });
});

describe("defaults", () => {
  it("reads each input's default from the schema", () => {
    expect(defaultAt("traffic.monthlyActiveUsers")).toBe(50_000);
    expect(defaultAt("constraints.latencyBudgetMs")).toBeNull();
    expect(defaultAt("costs.setupUsd.hybrid")).toBe(25_000);
    expect(defaultAt("tiers.0.share")).toBe(0.6);
    expect(defaultAt("devices.0.share")).toBeUndefined();
  });
});

describe("fallbackScenario", () => {
  it("builds a valid scenario from the dataset when no example exists", () => {
    const scenario = fallbackScenario(snapshot)!;
    expect(scenario.edge.variant).toBe("v1");
    expect(scenario.cloud.price).toBe("p/model");
    expect(checkScenario(scenario, snapshot).ok).toBe(true);
  });

  it("gives null without a variant or a price", () => {
    expect(fallbackScenario({ ...snapshot, prices: [] })).toBeNull();
  });
});
