/**
 * The contradictions listed at the end of shared/seeds/FIGURES.md, written here as
 * plain numbers: each check must catch its case and pass the sound figures beside it.
 */
import { describe, expect, it } from "vitest";
import {
  bandwidthBoundTokensPerSec,
  bitsPerParameter,
  checkBatteryDrain,
  checkBitsPerParameter,
  checkCostRow,
  checkCostTable,
  checkDecodeBandwidthBound,
  checkEnergyPerToken,
  powerFromDrainW,
} from "@/lib/plausibility";

describe("decode above the memory-bandwidth bound", () => {
  it("catches seed 001's MiMo at 28 tok/s on the S24 Ultra (Snapdragon 8 Gen 3)", () => {
    // 76.8 GB/s ÷ 4.8 GB = 16 tokens/s < 28
    const f = checkDecodeBandwidthBound({ decodeTokensPerSec: 28, memoryBandwidthGBps: 76.8, sizeGB: 4.8 });
    expect(f.ok).toBe(false);
    expect(f.reason).toMatch(/exceeds the memory-bandwidth bound of 16 tokens\/s/);
    expect(bandwidthBoundTokensPerSec(76.8, { sizeGB: 4.8 })).toBeCloseTo(16, 12);
  });

  it("catches seed 004's Jetson Orin Nano at 43 tok/s with a 1.9 GB model", () => {
    // 68 GB/s ÷ 1.9 GB = 35.79 tokens/s < 43
    const f = checkDecodeBandwidthBound({ decodeTokensPerSec: 43, memoryBandwidthGBps: 68, sizeGB: 1.9 });
    expect(f.ok).toBe(false);
    expect(bandwidthBoundTokensPerSec(68, { sizeGB: 1.9 })).toBeCloseTo(35.789, 3);
  });

  it("passes a figure under the bound", () => {
    // Galaxy S23: 67 GB/s ÷ 1.1 GB = 60.9 tokens/s ≥ 20
    expect(checkDecodeBandwidthBound({ decodeTokensPerSec: 20, memoryBandwidthGBps: 67, sizeGB: 1.1 }).ok).toBe(true);
    // Jetson INT8: 68 ÷ 3.8 = 17.9 tokens/s — but 004 claims 29: caught too
    expect(checkDecodeBandwidthBound({ decodeTokensPerSec: 29, memoryBandwidthGBps: 68, sizeGB: 3.8 }).ok).toBe(false);
  });

  it("reads only the active parameters of a mixture-of-experts model", () => {
    // 30B MoE with 3B active, 17 GB file: 1.7 GB read per token → 76.8 / 1.7 = 45.2 tokens/s
    const moe = { sizeGB: 17, paramsB: 30, activeParamsB: 3, architecture: "moe" as const };
    expect(bandwidthBoundTokensPerSec(76.8, moe)).toBeCloseTo(45.176, 3);
    expect(checkDecodeBandwidthBound({ decodeTokensPerSec: 30, memoryBandwidthGBps: 76.8, ...moe }).ok).toBe(true);
    // 001 calls Phi-4 (14B) a MoE; as the dense model it is, the whole 7.2 GB is read: 76.8/7.2 = 10.7 < 22.1
    expect(
      checkDecodeBandwidthBound({ decodeTokensPerSec: 22.1, memoryBandwidthGBps: 76.8, sizeGB: 7.2, paramsB: 14, architecture: "dense" }).ok,
    ).toBe(false);
  });
});

describe("variant size below 1.5 bits per parameter", () => {
  it("catches seed 002's 7B model at 890 MB", () => {
    // 0.89 GB · 8 / 7B = 1.017 bits per parameter < 1.5
    expect(bitsPerParameter(0.89, 7)).toBeCloseTo(1.0171, 4);
    const f = checkBitsPerParameter({ sizeGB: 0.89, paramsB: 7 });
    expect(f.ok).toBe(false);
    expect(f.reason).toMatch(/1\.02 bits per parameter/);
  });

  it("passes real 4-bit files", () => {
    // seed 003: Phi-4-mini (3.8B) Q4_0 2.0 GB → 4.2 bits; Qwen3-0.6B Q4_0 0.35 GB → 4.67 bits
    expect(checkBitsPerParameter({ sizeGB: 2.0, paramsB: 3.8 }).ok).toBe(true);
    expect(checkBitsPerParameter({ sizeGB: 0.35, paramsB: 0.6 }).ok).toBe(true);
    // seed 002's Phi-4 (14B) INT8 at 2,100 MB: 1.2 bits — caught
    expect(checkBitsPerParameter({ sizeGB: 2.1, paramsB: 14 }).ok).toBe(false);
  });
});

describe("energy figures", () => {
  it("flags seed 000's MiMo-7B at 2.1 W and 28.5 tok/s: 0.074 J per token for a dense 7B model", () => {
    // 2.1 / 28.5 = 0.0737 J/token < 0.2
    const f = checkEnergyPerToken({ powerW: 2.1, decodeTokensPerSec: 28.5, paramsB: 7, architecture: "dense", processor: "gpu" });
    expect(f.ok).toBe(false);
    expect(f.reason).toMatch(/0\.074 J per token/);
  });

  it("passes Phi-4 14B at 4.8 W and 12.3 tok/s, and small models", () => {
    // 4.8 / 12.3 = 0.39 J/token ≥ 0.2
    expect(checkEnergyPerToken({ powerW: 4.8, decodeTokensPerSec: 12.3, paramsB: 14, architecture: "dense" }).ok).toBe(true);
    // a 1.7B model has no floor
    expect(checkEnergyPerToken({ powerW: 1, decodeTokensPerSec: 50, paramsB: 1.7 }).ok).toBe(true);
    // NPU runs are exempt
    expect(checkEnergyPerToken({ powerW: 1, decodeTokensPerSec: 20, paramsB: 7, processor: "hexagon" }).ok).toBe(true);
  });

  it("flags a battery drain implying far more than 15 W", () => {
    // seed 001: 8 % of a 19.4 Wh S24 Ultra battery in 30 min → 0.08 · 19.4 / 0.5 = 3.1 W: fine
    expect(powerFromDrainW(8, 19.4)).toBeCloseTo(3.104, 12);
    expect(checkBatteryDrain({ drainPctPer30Min: 8, batteryWh: 19.4 }).ok).toBe(true);
    // 60 % of 15 Wh in 30 min → 0.6 · 15 / 0.5 = 18 W > 15 W
    expect(checkBatteryDrain({ drainPctPer30Min: 60, batteryWh: 15 }).ok).toBe(false);
  });
});

describe("cost tables whose totals do not follow from their prices", () => {
  it("catches seed 000's 3-year DeepSeek total: $122 stated, $7,560 computed", () => {
    // 1M requests × 500 tokens = 500M tokens a month × $0.42/1M = $210 a month × 36 = $7,560
    const f = checkCostRow({ label: "DeepSeek V3.2, 3 years", tokens: 500e6, usdPerMTok: 0.42, periods: 36, statedUsd: 122 });
    expect(f.ok).toBe(false);
    expect(f.reason).toMatch(/\$7,560\.00/);
  });

  it("catches the rest of seed 000's table", () => {
    // GPT-4.1: 500M × $8 × 36 = $144,000 vs $2,304; Claude: 500M × $15 × 36 = $270,000 vs $4,320
    const findings = checkCostTable([
      { label: "GPT-4.1", tokens: 500e6, usdPerMTok: 8, periods: 36, statedUsd: 2304 },
      { label: "Claude Sonnet 4.5", tokens: 500e6, usdPerMTok: 15, periods: 36, statedUsd: 4320 },
      { label: "DeepSeek V3.2", tokens: 500e6, usdPerMTok: 0.42, periods: 36, statedUsd: 122 },
    ]);
    expect(findings.map((f) => f.ok)).toEqual([false, false, false]);
  });

  it("catches seed 002's '$420 vs $8,000 at 1M tokens a month', 1,000× its own prices", () => {
    // 1M tokens × $0.42/1M = $0.42, not $420; 1M × $8/1M = $8, not $8,000
    const [deepseek, gpt] = checkCostTable([
      { label: "DeepSeek-class", tokens: 1e6, usdPerMTok: 0.42, statedUsd: 420 },
      { label: "GPT-4.1", tokens: 1e6, usdPerMTok: 8, statedUsd: 8000 },
    ]);
    expect(deepseek!.ok).toBe(false);
    expect(deepseek!.reason).toMatch(/1,000× too high/);
    expect(gpt!.ok).toBe(false);
  });

  it("passes seed 001's table: 10M output tokens at $15, $8, $2.50, $0.42", () => {
    const findings = checkCostTable([
      { label: "Claude Sonnet 4.5", tokens: 10e6, usdPerMTok: 15, statedUsd: 150 },
      { label: "GPT-4.1", tokens: 10e6, usdPerMTok: 8, statedUsd: 80 },
      { label: "Gemini 2.5 Flash", tokens: 10e6, usdPerMTok: 2.5, statedUsd: 25 },
      { label: "DeepSeek V3.2", tokens: 10e6, usdPerMTok: 0.42, statedUsd: 4.2 },
    ]);
    expect(findings.every((f) => f.ok)).toBe(true);
  });
});
