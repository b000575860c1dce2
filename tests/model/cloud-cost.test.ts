import { describe, expect, it } from "vitest";
import { cloudLatencyMs, cloudUsdPerRequest } from "@/lib/model/cloud-cost";

const noInput = (outputUsdPerMTok: number) => ({
  inputUsdPerMTok: 0,
  outputUsdPerMTok,
  cachedInputUsdPerMTok: 0,
  cachedInputShare: 0,
});

describe("cloudUsdPerRequest", () => {
  it("reproduces seed 001's table: 10M output tokens a month", () => {
    // 10,000,000 × $15 / 1e6 = $150
    expect(cloudUsdPerRequest(0, 10_000_000, noInput(15))).toBeCloseTo(150, 10);
    // 10,000,000 × $8 / 1e6 = $80
    expect(cloudUsdPerRequest(0, 10_000_000, noInput(8))).toBeCloseTo(80, 10);
    // 10,000,000 × $2.50 / 1e6 = $25
    expect(cloudUsdPerRequest(0, 10_000_000, noInput(2.5))).toBeCloseTo(25, 10);
    // 10,000,000 × $0.42 / 1e6 = $4.20
    expect(cloudUsdPerRequest(0, 10_000_000, noInput(0.42))).toBeCloseTo(4.2, 10);
  });

  it("prices the cached share of input at the cached price", () => {
    const price = { inputUsdPerMTok: 1, outputUsdPerMTok: 2, cachedInputUsdPerMTok: 0.5, cachedInputShare: 0.5 };
    // [1000·(0.5·1 + 0.5·0.5) + 500·2] / 1e6 = (750 + 1000)/1e6 = 0.00175
    expect(cloudUsdPerRequest(1000, 500, price)).toBeCloseTo(0.00175, 15);
    // no cache: [1000·1 + 500·2]/1e6 = 0.002
    expect(cloudUsdPerRequest(1000, 500, { ...price, cachedInputShare: 0 })).toBeCloseTo(0.002, 15);
  });

  it("is free at zero prices", () => {
    expect(cloudUsdPerRequest(1000, 1000, noInput(0))).toBe(0);
  });
});

describe("cloudLatencyMs", () => {
  it("adds network round trip, first token and generation", () => {
    // 80 + 300 + 1000·500/100 = 5,380 ms
    expect(cloudLatencyMs(500, { networkRttMs: 80, ttftMs: 300, tokensPerSec: 100 })).toBe(5380);
  });
});
