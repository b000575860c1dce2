/** The audit hides a run's own (device, model) before estimating it. */
import { describe, expect, it } from "vitest";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { auditEstimates, auditGroups, summarise } from "@/lib/model/estimate-audit";
import { device, run, standardSnapshot, variant } from "./fixtures";

/** Efficiencies (decode · 1 GB ÷ 50 GB/s): phone-x m1 0.3, m2 0.5, m3 0.4; phone-y 0.2 each. */
function data(): DatasetSnapshot {
  const base = standardSnapshot();
  const ids = ["m1", "m2", "m3"];
  return {
    ...base,
    devices: [device({ id: "phone-x", memoryBandwidthGBps: 50 }), device({ id: "phone-y", memoryBandwidthGBps: 50 })],
    variants: ids.map((id) => variant({ id, modelId: id, sizeGB: 1, paramsB: 1.7 })),
    runs: [
      ...[15, 25, 20].map((decode, i) => run({ deviceId: "phone-x", variantId: ids[i]!, decodeTokensPerSec: decode })),
      ...ids.map((id) => run({ deviceId: "phone-y", variantId: id, decodeTokensPerSec: 10 })),
    ],
  };
}

describe("auditEstimates", () => {
  it("estimates each run without its own (device, model)", () => {
    const snapshot = data();
    const rows = auditEstimates(snapshot, ["device"]);
    const m1 = rows.find((r) => r.runId === snapshot.runs[0]!.id)!;
    expect(m1).toBeDefined();
    // Without phone-x m1: prior = median(0.2, 0.2, 0.2, 0.4, 0.5) = 0.2; phone-x factor = median(0.5/0.2, 0.4/0.2) = 2.25;
    // estimate 0.45 · 50 ÷ 1 = 22.5 tok/s against 15 measured → 1.5
    expect(m1.decodeRatio).toBeCloseTo(1.5, 12);
  });

  it("summarises ratios: median, p10, p90 and the share within 0.5–2×", () => {
    // sorted 0.4, 1, 1, 1.5, 3: median 1; p10 at 0.4 of the way 0.4 → 1: 0.64; p90 1.5 + 0.6·1.5 = 2.4; 3 of 5 within
    const s = summarise([1, 3, 0.4, 1.5, 1]);
    expect(s).toMatchObject({ runs: 5, median: 1, within2x: 0.6 });
    expect(s.p10).toBeCloseTo(0.64, 12);
    expect(s.p90).toBeCloseTo(2.4, 12);
    expect(auditGroups(auditEstimates(data(), ["device"])).map((g) => `${g.by}:${g.key}`)).toEqual([
      "all:all",
      "device:phone-x",
      "device:phone-y",
      "runtime:llama.cpp",
      "backend:cpu",
      "quantization:Q4_K_M",
    ]);
  });
});
