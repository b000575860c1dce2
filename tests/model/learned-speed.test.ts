/** Decode and prefill learned from measured runs: priors, device factors, explicit efficiency, MoE. */
import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { learnSpeedModel } from "@/lib/model/learned-speed";
import { device, run, scenario, standardSnapshot, variant } from "./fixtures";

/**
 * phone-x (50 GB/s) decodes three 1 GB Q4_K_M models at 15, 20, 25 tok/s: efficiency
 * 15·1/50 = 0.3, 0.4, 0.5. phone-y (50 GB/s) decodes three at 10 tok/s: 0.2 each.
 * Prior (all six): median of 0.2, 0.2, 0.2, 0.3, 0.4, 0.5 = (0.2 + 0.3)/2 = 0.25.
 * phone-x factor: median of 0.3/0.25, 0.4/0.25, 0.5/0.25 = 1.6; phone-y: 0.8.
 * Prefill (85, 100, 170 tok/s on phone-x; 50 on phone-y) per GB/s of bandwidth, times the
 * 1.7 B parameters: 85·1.7/50 = 2.89, 3.4, 5.78 and 1.7 ×3; prior = (1.7 + 2.89)/2 = 2.295;
 * phone-x factor = median(2.89, 3.4, 5.78)/2.295 = 3.4/2.295.
 */
function learnedSnapshot(): DatasetSnapshot {
  const base = standardSnapshot();
  const ids = ["m1", "m2", "m3"];
  return {
    ...base,
    devices: [
      ...base.devices,
      device({ id: "phone-x", memoryBandwidthGBps: 50 }),
      device({ id: "phone-y", memoryBandwidthGBps: 50 }),
    ],
    variants: [
      ...base.variants,
      ...ids.map((id) => variant({ id, modelId: id, sizeGB: 1, paramsB: 1.7 })),
      variant({ id: "big", modelId: "big", sizeGB: 2, paramsB: 3.4 }),
      variant({ id: "moe", modelId: "moe", sizeGB: 10, paramsB: 30, activeParamsB: 3, architecture: "moe" }),
    ],
    runs: [
      ...[
        [15, 85],
        [20, 100],
        [25, 170],
      ].map(([decode, prefill], i) =>
        run({ deviceId: "phone-x", variantId: ids[i]!, decodeTokensPerSec: decode, prefillTokensPerSec: prefill }),
      ),
      ...ids.map((id) => run({ deviceId: "phone-y", variantId: id, decodeTokensPerSec: 10, prefillTokensPerSec: 50 })),
    ],
  };
}

describe("learned decode speed", () => {
  it("learns a prior by runtime, backend and quantization, and a factor per device", () => {
    const data = learnedSnapshot();
    const model = learnSpeedModel(data.runs, data.devices, data.variants);
    expect(model.decode.priors.find((p) => p.key === "llama.cpp|cpu|Q4_K_M")).toMatchObject({ runs: 6 });
    expect(model.decode.priors.find((p) => p.key === "llama.cpp|cpu|Q4_K_M")!.value).toBeCloseTo(0.25, 12);
    expect(model.decode.devices.find((f) => f.deviceId === "phone-x")!.factor).toBeCloseTo(1.6, 12);
    expect(model.decode.devices.find((f) => f.deviceId === "phone-y")!.factor).toBeCloseTo(0.8, 12);
  });

  it("estimates a model a device has not run from its runs of other models", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-x", share: 1 }], edge: { variant: "big" } }), learnedSnapshot());
    // 0.25 · 1.6 = 0.4 of 50 GB/s ÷ 2 GB = 10 tok/s
    expect(plan.devices[0]!.decodeTokensPerSec).toBeCloseTo(10, 12);
    expect(plan.devices[0]).toMatchObject({ decodeBasis: "device", speedStatus: "estimated", backend: "cpu" });
    expect(plan.inputs["devices.phone-x.decodeTokensPerSec"]!.note).toMatch(/1\.6 for phone-x/);
  });

  it("estimates a device never seen from the prior, with a range", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-b", share: 1 }], edge: { variant: "big" } }), learnedSnapshot());
    const b = plan.devices[0]!;
    // 0.25 of 40 GB/s ÷ 2 GB = 5 tok/s
    expect(b.decodeTokensPerSec).toBeCloseTo(5, 12);
    expect(b.decodeBasis).toBe("prior");
    expect(b.decodeRange).not.toBeNull();
    expect(b.decodeRange!.low).toBeLessThanOrEqual(5);
    expect(b.decodeRange!.high).toBeGreaterThanOrEqual(5);
  });

  it("keeps the v1 formula exactly when the scenario sets an efficiency", () => {
    const plan = planScenario(
      scenario({ devices: [{ device: "phone-b", share: 1 }], edge: { variant: "big" }, constraints: { bandwidthEfficiency: 0.6 } }),
      learnedSnapshot(),
    );
    // 0.6 · 40 GB/s ÷ 2 GB = 12 tok/s, no range
    expect(plan.devices[0]).toMatchObject({ decodeTokensPerSec: 12, decodeBasis: "scenario", decodeRange: null });
  });

  it("reads only the active parameters of a mixture-of-experts model per token", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-b", share: 1 }], edge: { variant: "moe" } }), learnedSnapshot());
    // 10 GB · 3/30 = 1 GB read per token; the Q4_K_M prior 0.25 · 40 GB/s ÷ 1 GB = 10 tok/s (not ÷ 10 GB)
    expect(plan.devices[0]!.decodeTokensPerSec).toBeCloseTo(10, 12);
  });

  it("falls back to 0.6 when there is nothing measured to learn from", () => {
    const plan = planScenario(scenario({ devices: [{ device: "phone-b", share: 1 }] }), standardSnapshot());
    // the standard snapshot has one measured run (fewer than 3): 0.6 · 40 ÷ 1 = 24 tok/s
    expect(plan.devices[0]).toMatchObject({ decodeTokensPerSec: 24, decodeBasis: "default", decodeRange: null });
  });
});

describe("learned prefill speed", () => {
  const tiers = [{ id: "doc", share: 1, inputTokens: 1000, outputTokens: 100, minQuality: 0 }];

  it("scales the device's compute per GB/s to a model's active parameters", () => {
    const plan = planScenario(
      scenario({ tiers, devices: [{ device: "phone-x", share: 1 }], edge: { variant: "big" } }),
      learnedSnapshot(),
    );
    // 2.295 · (3.4/2.295) · 50 GB/s ÷ 3.4 B = 50 tok/s; 1,000 tokens → 20,000 ms
    expect(plan.devices[0]!.prefillTokensPerSec).toBeCloseTo(50, 9);
    expect(plan.devices[0]!.prefillBasis).toBe("device");
    expect(plan.devices[0]!.tiers[0]!.ttftMs).toBeCloseTo(20_000, 6);
  });

  it("uses the prior for a device never seen", () => {
    const plan = planScenario(
      scenario({ tiers, devices: [{ device: "phone-b", share: 1 }], edge: { variant: "big" } }),
      learnedSnapshot(),
    );
    // 2.295 · 40 GB/s ÷ 3.4 B = 27 tok/s; 1,000 tokens → 37,037.04 ms
    expect(plan.devices[0]!.prefillTokensPerSec).toBeCloseTo(27, 9);
    expect(plan.devices[0]!.prefillBasis).toBe("prior");
    expect(plan.devices[0]!.tiers[0]!.ttftMs).toBeCloseTo(1_000_000 / 27, 6);
  });

  it("falls back to the learned prefill ÷ decode ratio when the model's parameters are unknown", () => {
    const plan = planScenario(
      scenario({ tiers, devices: [{ device: "phone-b", share: 1 }], edge: { variant: { name: "Mystery", sizeGB: 2 } } }),
      learnedSnapshot(),
    );
    // decode: no quantization, bucket or backend → the llama.cpp prior 0.25 · 40 GB/s ÷ 2 GB = 5 tok/s;
    // prefill ÷ decode: 85/15, 100/20, 170/25, 50/10 ×3 → median 5 → 25 tok/s
    expect(plan.devices[0]!.decodeTokensPerSec).toBeCloseTo(5, 12);
    expect(plan.devices[0]!.prefillTokensPerSec).toBeCloseTo(25, 12);
  });
});
