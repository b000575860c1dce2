import { describe, expect, it } from "vitest";
import { learnSpeedModel } from "@/lib/model/learned-speed";
import { rankRuns } from "@/lib/model/run-choice";
import { DEFAULT_POWER_W, edgeSpeed, firstTokenMs, sustainedDecode, type SpeedInput } from "@/lib/model/speed";
import { candidate } from "./fixtures";

const base = (over: Partial<SpeedInput> = {}): SpeedInput => ({
  deviceKey: "phone-b",
  deviceName: "Phone B",
  datasetDeviceId: "phone-b",
  deviceKind: "phone",
  memoryBandwidthGBps: 40,
  batteryWh: 10,
  sizeGB: 1,
  gbPerToken: 1,
  activeParamsB: 1.7,
  bitsBucket: "4–5 bpw",
  quantization: "Q4_K_M",
  runtime: "llama.cpp",
  backend: null,
  bandwidthEfficiency: 0.6,
  learned: learnSpeedModel([], [], []),
  deviceRuns: [],
  variantRuns: [],
  ...over,
});

describe("rankRuns", () => {
  it("prefers the scenario's runtime, then measured, then the most recent, then the fastest", () => {
    const mlc = candidate({ runtime: "MLC-LLM", status: "measured", decodeTokensPerSec: 50 });
    const claimed = candidate({ status: "claimed", decodeTokensPerSec: 40 });
    const old = candidate({ measuredAt: "2024-01-01", decodeTokensPerSec: 30 });
    const recent = candidate({ measuredAt: "2025-01-01", decodeTokensPerSec: 10 });
    const recentFast = candidate({ measuredAt: "2025-01-01", decodeTokensPerSec: 12 });
    const ranked = rankRuns([mlc, claimed, old, recent, recentFast], "llama.cpp");
    expect(ranked).toEqual([recentFast, recent, old, claimed, mlc]);
  });

  it("puts inline runs first", () => {
    const inline = candidate({ origin: "inline", status: "claimed", runtime: "other" });
    const measured = candidate({ status: "measured" });
    expect(rankRuns([measured, inline], "llama.cpp")[0]).toBe(inline);
  });
});

describe("edgeSpeed", () => {
  it("uses the device's run when there is one", () => {
    const run = candidate({ deviceKey: "phone-b", decodeTokensPerSec: 15, ttftMs: 700, powerW: 3, throttlePct: 10 });
    const s = edgeSpeed(base({ deviceRuns: [run], variantRuns: [run] }));
    expect(s.basis).toBe("run");
    expect(s.decodeTokensPerSec).toMatchObject({ value: 15, status: "measured" });
    expect(s.ttftMs?.value).toBe(700);
    expect(s.powerW?.value).toBe(3);
    expect(s.throttlePct.value).toBe(10);
  });

  it("estimates decode from bandwidth, prefill from decode, and scales power from another device's run", () => {
    const other = candidate({ deviceKey: "phone-a", decodeTokensPerSec: 20, ttftMs: 500, powerW: 4 });
    const s = edgeSpeed(base({ variantRuns: [other] }));
    expect(s.basis).toBe("estimate");
    // 0.6 · 40 GB/s ÷ 1 GB = 24 tokens/s
    expect(s.decodeTokensPerSec?.value).toBeCloseTo(24, 12);
    expect(s.decodeTokensPerSec?.status).toBe("estimated");
    // A first-token time without its prompt length says nothing of another device's prefill:
    // no measured prefill to learn from, so 8 × 24 = 192 tokens/s.
    expect(s.ttftMs).toBeNull();
    expect(s.prefillTokensPerSec?.value).toBeCloseTo(192, 12);
    expect(s.prefillBasis).toBe("default");
    // 4 W · 24/20 = 4.8 W (same energy per token)
    expect(s.powerW?.value).toBeCloseTo(4.8, 12);
    expect(s.prefillTokensPerSec?.status).toBe("estimated");
    expect(s.powerW?.status).toBe("estimated");
  });

  it("cannot plan a device with no run and no bandwidth, and says why", () => {
    const s = edgeSpeed(base({ memoryBandwidthGBps: null }));
    expect(s.basis).toBe("none");
    expect(s.decodeTokensPerSec).toBeNull();
    expect(s.reason).toMatch(/memory bandwidth is unknown/);
  });

  it("turns a battery drain into watts: drain% × Wh ÷ 0.5 h", () => {
    const run = candidate({ deviceKey: "phone-b", decodeTokensPerSec: 28, batteryDrainPctPer30Min: 8, deviceBatteryWh: 15 });
    // 0.08 · 15 Wh / 0.5 h = 2.4 W
    expect(edgeSpeed(base({ deviceRuns: [run], variantRuns: [run] })).powerW?.value).toBeCloseTo(2.4, 12);
  });

  it("estimates first token from the run's prefill, else a default, and power by default", () => {
    const prefill = candidate({ deviceKey: "phone-b", decodeTokensPerSec: 16, prefillTokensPerSec: 256, promptTokens: 512 });
    const p = edgeSpeed(base({ deviceRuns: [prefill], variantRuns: [prefill] }));
    // The run's own prefill: a 1,000-token prompt takes 1000 · 1000 / 256 = 3,906.25 ms
    expect(p.prefillTokensPerSec).toMatchObject({ value: 256, status: "measured" });
    expect(firstTokenMs(p, 1000)).toBe(3906.25);
    const bare = candidate({ deviceKey: "phone-b", decodeTokensPerSec: 16 });
    const s = edgeSpeed(base({ deviceRuns: [bare], variantRuns: [bare] }));
    // 128 prompt tokens at 8 · 16 = 128 tokens/s = 1,000 ms
    expect(firstTokenMs(s, 128)).toBe(1000);
    expect(s.powerW?.value).toBe(DEFAULT_POWER_W);
    expect(s.throttlePct).toMatchObject({ value: 0, status: "estimated" });
  });

  it("slows decode by the throttling figure", () => {
    // 20 · (1 − 25/100) = 15 tokens/s
    expect(sustainedDecode(20, 25)).toBe(15);
  });
});
