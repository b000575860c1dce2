/** Power per device and backend from the dataset's figures; no phone default for a desktop GPU. */
import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { device, run, scenario, standardSnapshot, variant } from "./fixtures";

/**
 * phone-x (40 GB/s, 15 Wh) ran m1 at 3 W and m2 at 6 W; desk-a (a desktop, 900 GB/s)
 * ran m1 at 300 W and m2 at 350 W; desk-b, another desktop, has no run; desk-c is a
 * server kind with no runs anywhere of its kind. The planned variant "big" (2 GB) has no run.
 */
function data(): DatasetSnapshot {
  const base = standardSnapshot();
  return {
    ...base,
    devices: [
      ...base.devices,
      device({ id: "phone-x", memoryBandwidthGBps: 40, batteryWh: 15 }),
      device({ id: "desk-a", kind: "desktop", memoryBandwidthGBps: 900, batteryWh: null, ramGB: 64 }),
      device({ id: "desk-b", kind: "desktop", memoryBandwidthGBps: 900, batteryWh: null, ramGB: 64 }),
      device({ id: "srv", kind: "server", memoryBandwidthGBps: 2000, batteryWh: null, ramGB: 512 }),
    ],
    variants: [
      ...base.variants,
      variant({ id: "m1", modelId: "m1" }),
      variant({ id: "m2", modelId: "m2" }),
      variant({ id: "big", modelId: "big", sizeGB: 2, paramsB: 3.4 }),
    ],
    runs: [
      run({ deviceId: "phone-x", variantId: "m1", decodeTokensPerSec: 10, powerW: 3 }),
      run({ deviceId: "phone-x", variantId: "m2", decodeTokensPerSec: 10, powerW: 6 }),
      run({ deviceId: "desk-a", variantId: "m1", decodeTokensPerSec: 100, powerW: 300, backend: "CUDA" }),
      run({ deviceId: "desk-a", variantId: "m2", decodeTokensPerSec: 100, powerW: 350, backend: "CUDA" }),
    ],
  };
}

const plan = (deviceId: string) =>
  planScenario(scenario({ devices: [{ device: deviceId, share: 1 }], edge: { variant: "big" } }), data()).devices[0]!;

describe("power", () => {
  it("takes the device's own draw with other models, and reports energy per token", () => {
    const p = plan("phone-x");
    // median of 3 W and 6 W = 4.5 W. Decode: phone-x reaches 10 tok/s × 1 GB ÷ 40 GB/s = 0.25 of its
    // roofline with other models, so 0.25 · 40 GB/s ÷ 2 GB = 5 tok/s → 4.5 W / 5 = 0.9 J per token
    expect(p).toMatchObject({ powerW: 4.5, powerStatus: "estimated", powerBasis: "device", decodeBasis: "device" });
    expect(p.decodeTokensPerSec).toBeCloseTo(5, 12);
    expect(p.energyPerTokenJ).toBeCloseTo(0.9, 12);
    // its range: the least and most of the runs the median comes from
    expect(p.powerRange).toEqual({ low: 3, high: 6 });
  });

  it("puts the most power at the slow end of the plan's ranges", () => {
    const full = planScenario(scenario({ devices: [{ device: "phone-x", share: 1 }], edge: { variant: "big" } }), data());
    const battery = full.ranges!.devices[0]!.batteryPctPerUserDay!;
    const base = full.battery[0]!.pctPerUserDay!;
    // the slow end draws 6 W instead of 4.5 W over a longer time: at least 6/4.5 of the base
    expect(battery.high).toBeGreaterThanOrEqual((base * 6) / 4.5);
    expect(battery.low).toBeLessThan(base);
  });

  it("takes the median of its kind for a desktop without runs, not a phone's 4 W", () => {
    // desktops: 300 W and 350 W → 325 W
    expect(plan("desk-b")).toMatchObject({ powerW: 325, powerBasis: "prior", powerRange: { low: 300, high: 350 } });
  });

  it("leaves power and energy unknown for a kind the dataset has no figure for", () => {
    const p = plan("srv");
    expect(p.powerW).toBeNull();
    expect(p.powerBasis).toBeNull();
    expect(p.energyPerTokenJ).toBeNull();
    expect(p.tiers[0]!.energyJ).toBeNull();
    expect(p.batteryStatus).toBe("unknown");
  });
});
