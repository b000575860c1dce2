import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { calibrationFor } from "@/lib/planner/calibration";
import { checkScenario } from "@/lib/planner/check-scenario";
import { setDeviceEfficiency, setDeviceRef } from "@/lib/planner/edits";
import { encodeScenarioParam, decodeScenarioParam } from "@/lib/planner/url-state";
import { fixtureScenario, snapshot } from "../plan-view/fixture";

const calibrated: DatasetSnapshot = {
  ...snapshot,
  devices: snapshot.devices.map((d) =>
    d.id === "phone-a"
      ? {
          ...d,
          calibrations: [
            { runtime: "llama.cpp", efficiency: 0.4661, variants: 11 },
            { runtime: "Llama.CPP", efficiency: 0.9, variants: 1 },
            { runtime: "MLC-LLM", efficiency: 0.7, variants: 3 },
          ],
        }
      : d,
  ),
};

/** A variant no dataset run names, so Phone A's speed is the bandwidth estimate. */
const unrun = fixtureScenario({ edge: { variant: { name: "Unrun 1B", sizeGB: 1, quality: 60 } } });

describe("calibrationFor", () => {
  it("matches the runtime without regard to case, the best-measured first", () => {
    // Two spellings of llama.cpp: the one over 11 variants, rounded to 0.47 for the button.
    expect(calibrationFor(calibrated, "phone-a", "LLAMA.cpp")).toEqual({
      runtime: "llama.cpp",
      efficiency: 0.4661,
      variants: 11,
      suggested: 0.47,
    });
    expect(calibrationFor(calibrated, "phone-a", "mlc-llm")?.suggested).toBe(0.7);
  });

  it("gives null for a runtime, a device or a dataset without one", () => {
    expect(calibrationFor(calibrated, "phone-a", "ExecuTorch")).toBeNull();
    expect(calibrationFor(calibrated, "phone-b", "llama.cpp")).toBeNull();
    expect(calibrationFor(snapshot, "phone-a", "llama.cpp")).toBeNull();
  });
});

describe("a class's own bandwidth efficiency", () => {
  it("replaces the scenario's in the class's speed estimate, and goes on reset", () => {
    // 0.6 × 60 GB/s ÷ 1 GB = 36 tok/s; with 0.47: 28.2 tok/s.
    expect(planScenario(unrun, calibrated).devices[0]!.decodeTokensPerSec).toBeCloseTo(36, 9);
    const set = setDeviceEfficiency(unrun, 0, 0.47);
    expect(checkScenario(set, calibrated).ok).toBe(true);
    expect(planScenario(set, calibrated).devices[0]!.decodeTokensPerSec).toBeCloseTo(28.2, 9);
    const reset = setDeviceEfficiency(set, 0, undefined);
    expect("bandwidthEfficiency" in reset.devices[0]!).toBe(false);
    expect(reset).toEqual(unrun);
  });

  it("does nothing where the phone has a run of the model", () => {
    // The fixture's variant has a measured 20 tok/s run on Phone A.
    const plan = planScenario(setDeviceEfficiency(fixtureScenario(), 0, 0.47), calibrated);
    expect(plan.devices[0]).toMatchObject({ speedBasis: "run", decodeTokensPerSec: 20 });
  });

  it("travels in the link like every other edit", () => {
    const set = setDeviceEfficiency(unrun, 0, 0.47);
    const decoded = decodeScenarioParam(encodeScenarioParam(set));
    expect(decoded.ok && decoded.scenario.devices[0]!.bandwidthEfficiency).toBe(0.47);
  });

  it("stays with an inline copy of the same phone and goes when the class points at another one", () => {
    const set = setDeviceEfficiency(unrun, 0, 0.47);
    const copy = setDeviceRef(set, 0, { id: "phone-a", name: "Phone A", ramGB: 12, memoryBandwidthGBps: 60, batteryWh: 15, status: "claimed" });
    expect(copy.devices[0]!.bandwidthEfficiency).toBe(0.47);
    const other = setDeviceRef(set, 0, "phone-b");
    expect(other.devices[0]).toEqual({ device: "phone-b", share: 0.5 });
  });
});
