/** First-token time grows with the tier's prompt; the budget may bound the first token only. */
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { device, run, scenario, standardSnapshot, variant } from "./fixtures";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";

/** phone-p: 8 GB, 60 GB/s, 15 Wh; a measured run at 20 tok/s decode, 100 tok/s prefill, 4 W. */
function prefillSnapshot(): DatasetSnapshot {
  const base = standardSnapshot();
  return {
    ...base,
    devices: [...base.devices, device({ id: "phone-p", name: "Phone P", memoryBandwidthGBps: 60, batteryWh: 15 })],
    runs: [
      ...base.runs,
      run({
        deviceId: "phone-p",
        variantId: "small-q4",
        decodeTokensPerSec: 20,
        prefillTokensPerSec: 100,
        promptTokens: 512,
        powerW: 4,
        peakMemoryMB: 1200,
      }),
    ],
  };
}

const tiers = [
  { id: "chat", share: 0.5, inputTokens: 600, outputTokens: 100, minQuality: 0 },
  { id: "long", share: 0.5, inputTokens: 16_000, outputTokens: 100, minQuality: 0 },
];

describe("first-token time from the prompt length", () => {
  it("plans 600 and 16,000 input tokens with different latency and battery", () => {
    const plan = planScenario(scenario({ tiers, devices: [{ device: "phone-p", share: 1 }] }), prefillSnapshot());
    const p = plan.devices[0]!;
    expect(p.prefillTokensPerSec).toBe(100);
    expect(p.prefillBasis).toBe("run");
    const [chat, long] = p.tiers;
    // chat: 1000·600/100 = 6,000 ms first token + 1000·100/20 = 5,000 ms → 11,000 ms
    expect(chat!.ttftMs).toBe(6000);
    expect(chat!.burstLatencyMs).toBe(11_000);
    // long: 1000·16,000/100 = 160,000 ms + 5,000 ms → 165,000 ms
    expect(long!.ttftMs).toBe(160_000);
    expect(long!.burstLatencyMs).toBe(165_000);
    // energy = 4 W × (6 s + 5 s) = 44 J and 4 W × (160 s + 5 s) = 660 J
    expect(chat!.energyJ).toBeCloseTo(44, 12);
    expect(long!.energyJ).toBeCloseTo(660, 12);
    // battery: 10 requests/day · (0.5·44 + 0.5·660) J = 3,520 J ÷ (15 Wh · 3600) · 100 = 6.5185 %
    expect(plan.battery[0]!.pctPerUserDay).toBeCloseTo((3520 / 54_000) * 100, 12);
    // request-weighted first token: 0.5·6,000 + 0.5·160,000 = 83,000 ms
    expect(p.ttftMs).toBe(83_000);
    // 4 W ÷ 20 tok/s = 0.2 J per generated token
    expect(p.energyPerTokenJ).toBeCloseTo(0.2, 15);
  });

  it("bounds only the first token when latencyTarget is firstToken", () => {
    const budget = { latencyBudgetMs: 10_000 };
    const full = planScenario(
      scenario({ tiers, devices: [{ device: "phone-p", share: 1 }], constraints: budget }),
      prefillSnapshot(),
    );
    // fullResponse: chat takes 11,000 ms > 10,000: cloud
    const chatFull = full.strategies.hybrid.cells.find((c) => c.tierId === "chat" && c.deviceId === "phone-p")!;
    expect(chatFull.target).toBe("cloud");
    const first = planScenario(
      scenario({ tiers, devices: [{ device: "phone-p", share: 1 }], constraints: { ...budget, latencyTarget: "firstToken" } }),
      prefillSnapshot(),
    );
    // firstToken: chat's first token at 6,000 ms ≤ 10,000: edge; long's at 160,000 ms: cloud
    const cells = first.strategies.hybrid.cells.filter((c) => c.deviceId === "phone-p");
    expect(cells.map((c) => [c.tierId, c.target])).toEqual([
      ["chat", "edge"],
      ["long", "cloud"],
    ]);
  });

  it("keeps an inline run's ttftMs as given and uses an inline prefill speed", () => {
    const given = planScenario(
      scenario({
        tiers,
        devices: [{ device: "phone-b", share: 1 }],
        edge: { variant: "small-q4", runs: [{ device: "phone-b", decodeTokensPerSec: 20, ttftMs: 500 }] },
      }),
      standardSnapshot(),
    );
    expect(given.devices[0]!.tiers.map((t) => t.ttftMs)).toEqual([500, 500]);
    const prefill = planScenario(
      scenario({
        tiers,
        devices: [{ device: "phone-b", share: 1 }],
        edge: { variant: "small-q4", runs: [{ device: "phone-b", decodeTokensPerSec: 20, prefillTokensPerSec: 200 }] },
      }),
      standardSnapshot(),
    );
    // 1000·600/200 = 3,000 ms; 1000·16,000/200 = 80,000 ms
    expect(prefill.devices[0]!.tiers.map((t) => t.ttftMs)).toEqual([3000, 80_000]);
  });

  it("derives prefill from a dataset run's first token at its stated prompt length", () => {
    const base = standardSnapshot();
    const data = {
      ...base,
      runs: [run({ deviceId: "phone-b", variantId: "small-q4", decodeTokensPerSec: 20, ttftMs: 2000, promptTokens: 500 })],
    };
    const plan = planScenario(scenario({ tiers, devices: [{ device: "phone-b", share: 1 }] }), data);
    // 500 tokens in 2 s = 250 tok/s; 600 tokens → 2,400 ms
    expect(plan.devices[0]!.prefillTokensPerSec).toBe(250);
    expect(plan.devices[0]!.tiers[0]!.ttftMs).toBe(2400);
  });
});

describe("which run", () => {
  const variants = [variant({ id: "qwen", name: "Qwen" })];
  const runs = [
    run({ deviceId: "myron", variantId: "qwen", backend: "cpu", decodeTokensPerSec: 34.3, measuredAt: "2025-01-01" }),
    run({ deviceId: "myron", variantId: "qwen", backend: "opencl", decodeTokensPerSec: 23.3, measuredAt: "2025-06-01" }),
  ];
  const data: DatasetSnapshot = { ...standardSnapshot(), devices: [device({ id: "myron" })], variants, runs };

  it("takes the device's best measured backend of the runtime, and says which", () => {
    const plan = planScenario(scenario({ devices: [{ device: "myron", share: 1 }], edge: { variant: "qwen" } }), data);
    // CPU 34.3 tok/s beats the more recent OpenCL run's 23.3
    expect(plan.devices[0]).toMatchObject({ backend: "cpu", decodeTokensPerSec: 34.3, decodeBasis: "run" });
  });

  it("takes the empty-context run over a llama-bench depth row", () => {
    const depthData: DatasetSnapshot = {
      ...data,
      runs: [
        run({ deviceId: "myron", variantId: "qwen", backend: "cpu", decodeTokensPerSec: 70.65, contextDepthTokens: 8192, measuredAt: "2025-06-01" }),
        run({ deviceId: "myron", variantId: "qwen", backend: "cpu", decodeTokensPerSec: 77.76, contextDepthTokens: 0, measuredAt: "2025-01-01" }),
      ],
    };
    const plan = planScenario(scenario({ devices: [{ device: "myron", share: 1 }], edge: { variant: "qwen" } }), depthData);
    // depth 0 (77.76 tok/s) wins over the more recent depth-8192 row (70.65)
    expect(plan.devices[0]!.decodeTokensPerSec).toBe(77.76);
  });

  it("takes the scenario's backend when it names one", () => {
    const plan = planScenario(
      scenario({ devices: [{ device: "myron", share: 1 }], edge: { variant: "qwen", backend: "OpenCL" } }),
      data,
    );
    expect(plan.devices[0]).toMatchObject({ backend: "opencl", decodeTokensPerSec: 23.3 });
  });
});
