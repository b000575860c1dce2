import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { device, price, run, scenario, variant } from "./fixtures";

describe("plan warnings", () => {
  it("flags a run above the bandwidth bound and a file too small for its model (seeds 001, 002)", () => {
    const data = {
      devices: [device({ id: "s24-ultra", name: "Galaxy S24 Ultra", ramGB: 12, memoryBandwidthGBps: 76.8, batteryWh: 19.4 })],
      variants: [
        variant({ id: "mimo-8b-q4", name: "MiMo 8B Q4", sizeGB: 4.8, paramsB: 8 }),
        variant({ id: "mimo-7b-lite", name: "MiMo 7B Lite", sizeGB: 0.89, paramsB: 7 }),
      ],
      runs: [
        // 76.8 GB/s ÷ 4.8 GB = 16 tokens/s bound; the article claims 28.3
        run({ deviceId: "s24-ultra", variantId: "mimo-8b-q4", status: "claimed", decodeTokensPerSec: 28.3, ttftMs: 45, powerW: 2.1 }),
        run({ deviceId: "s24-ultra", variantId: "mimo-7b-lite", status: "claimed", decodeTokensPerSec: 18.5, ttftMs: 2340 }),
      ],
      prices: [price({ id: "deepseek/deepseek-chat", inputUsdPerMTok: 0.28, outputUsdPerMTok: 0.42 })],
    };
    const base = { devices: [{ device: "s24-ultra", share: 1 }], cloud: { price: "deepseek/deepseek-chat" } };

    const mimo = planScenario(scenario({ ...base, edge: { variant: "mimo-8b-q4" } }), data).recommendation.warnings;
    expect(mimo.join("\n")).toMatch(/Implausible data: Galaxy S24 Ultra .*28\.3 tokens\/s exceeds the memory-bandwidth bound of 16 tokens\/s/);
    // 2.1 W / 28.3 tok/s = 0.074 J/token for a dense 8B model
    expect(mimo.join("\n")).toMatch(/0\.074 J per token/);

    const lite = planScenario(scenario({ ...base, edge: { variant: "mimo-7b-lite" } }), data).recommendation.warnings;
    // 0.89 GB · 8 / 7B = 1.02 bits per parameter
    expect(lite.join("\n")).toMatch(/Implausible data: MiMo 7B Lite: 890 MB for 7B parameters is 1\.02 bits per parameter/);
  });

  it("warns about low coverage and a cloud that misses the latency budget", () => {
    const data = {
      devices: [device({ id: "phone-a" })],
      variants: [variant({ id: "small-q4" })],
      runs: [run({ deviceId: "phone-a", variantId: "small-q4", decodeTokensPerSec: 20, ttftMs: 500, powerW: 4 })],
      prices: [price({ id: "cheap/model" })],
    };
    // 20 % coverage; cloud complex: 80 + 300 + 1000·500/100 = 5,380 ms > 2,000 ms
    const plan = planScenario(
      scenario({ devices: [{ device: "phone-a", share: 0.2 }], constraints: { latencyBudgetMs: 2000 } }),
      data,
    );
    const text = plan.recommendation.warnings.join("\n");
    expect(text).toMatch(/Low coverage: only 20% of users/);
    expect(text).toMatch(/cloud misses the latency budget too for tier complex: 5,380 ms > 2,000 ms/);
  });
});
