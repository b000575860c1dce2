import { describe, expect, it } from "vitest";
import { planScenario, resolveScenario, UnknownReferenceError } from "@/lib/model";
import { scenario, standardSnapshot } from "./fixtures";

const data = standardSnapshot();

describe("resolveScenario", () => {
  it("lists every unknown id with its path", () => {
    const s = scenario({
      devices: [
        { device: "phone-a", share: 0.5 },
        { device: "foo", share: 0.2 },
      ],
      edge: { variant: "no-such-variant", runs: [{ device: "bar", decodeTokensPerSec: 10 }] },
      cloud: { price: "acme/none" },
    });
    let error: unknown;
    try {
      resolveScenario(s, data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownReferenceError);
    expect((error as UnknownReferenceError).issues).toEqual([
      { path: "edge.variant", message: 'unknown variant "no-such-variant"' },
      { path: "cloud.price", message: 'unknown price "acme/none"' },
      { path: "devices.1.device", message: 'unknown device "foo"' },
      { path: "edge.runs.0.device", message: 'unknown device "bar"' },
    ]);
  });

  it("plans inline refs with the user's numbers and status", () => {
    const plan = planScenario(
      scenario({
        devices: [{ device: { name: "My phone", ramGB: 12, memoryBandwidthGBps: 50, batteryWh: 18 }, share: 1 }],
        edge: { variant: { name: "My model", sizeGB: 2, quality: 75, status: "measured" } },
        cloud: { price: { name: "Negotiated", inputUsdPerMTok: 0.5, outputUsdPerMTok: 1.5 } },
      }),
      data,
    );
    const d = plan.devices[0]!;
    expect(d.deviceId).toBe("My phone");
    // 0.6 · 50 / 2 = 15 tok/s
    expect(d.decodeTokensPerSec).toBeCloseTo(15, 12);
    // 2 GB · 1000 · 1.2 = 2,400 MB estimated; 12 GB · 1000 · 0.5 = 6,000 MB usable
    expect(d.peakMemoryMB).toBeCloseTo(2400, 9);
    expect(plan.inputs["edge.variant.sizeGB"]).toMatchObject({ value: 2, source: "scenario (inline)", status: "measured" });
    expect(plan.inputs["cloud.price.outputUsdPerMTok"]).toMatchObject({ source: "scenario (inline)", status: "claimed" });
    // quality 75 ≥ 70: the complex tier may run on the edge too
    expect(plan.strategies.edgeOnly.cells.every((c) => c.violations.length === 0)).toBe(true);
  });

  it("gives inline runs precedence over the dataset's", () => {
    const plan = planScenario(
      scenario({ edge: { variant: "small-q4", runs: [{ device: "phone-a", decodeTokensPerSec: 40, ttftMs: 100 }] } }),
      data,
    );
    expect(plan.devices[0]).toMatchObject({ decodeTokensPerSec: 40, ttftMs: 100, speedStatus: "claimed" });
    // power still comes from the dataset run (4 W at 20 tok/s), scaled to 40 tok/s: 8 W
    expect(plan.devices[0]!.powerW).toBeCloseTo(8, 12);
  });
});

describe("snapshotForScenario", () => {
  it("keeps only what the scenario reads, and plans the same", async () => {
    const { snapshotForScenario } = await import("@/lib/model");
    const s = scenario({ devices: [{ device: "phone-b", share: 0.5 }] });
    const subset = snapshotForScenario(s, data);
    // phone-b is planned; phone-a stays because its run of the variant informs phone-b's estimates
    expect(subset.devices.map((d) => d.id).sort()).toEqual(["phone-a", "phone-b"]);
    expect(subset.variants.map((v) => v.id)).toEqual(["small-q4"]);
    expect(subset.prices.map((p) => p.id)).toEqual(["cheap/model"]);
    expect(planScenario(s, subset)).toEqual(planScenario(s, data));
  });
});
