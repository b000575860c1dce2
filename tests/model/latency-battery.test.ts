import { describe, expect, it } from "vitest";
import { applyBatteryCap, batteryPctPerUserDay, batteryStatus, edgeEnergyJ } from "@/lib/model/battery";
import { edgeLatencyMs, sustainedEdgeLatencyMs } from "@/lib/model/latency";

describe("edge latency", () => {
  it("is first token plus generation at burst speed", () => {
    // 500 + 1000·100/20 = 5,500 ms
    expect(edgeLatencyMs(500, 100, 20)).toBe(5500);
  });

  it("is slower after the throttling onset", () => {
    // decode 20·(1 − 0.2) = 16: 500 + 1000·100/16 = 6,750 ms
    expect(sustainedEdgeLatencyMs(500, 100, 20, 20)).toBe(6750);
  });
});

describe("energy and battery", () => {
  it("computes energy per request as power × generation time", () => {
    // 4 W · (500/1000 + 100/20) s = 4 · 5.5 = 22 J
    expect(edgeEnergyJ(4, 500, 100, 20)).toBe(22);
  });

  it("computes battery % per user-day", () => {
    // 10 req/day · (0.5·22 + 0.5·102) J = 620 J; 620 / (15 Wh · 3600) · 100 = 1.1481 %
    expect(batteryPctPerUserDay(10, [0.5, 0.5], [22, 102], [true, true], 15)).toBeCloseTo(620 / 540, 12);
    // only the first tier on the edge: 10 · 0.5 · 22 = 110 J → 110/540 = 0.2037 %
    expect(batteryPctPerUserDay(10, [0.5, 0.5], [22, 102], [true, false], 15)).toBeCloseTo(110 / 540, 12);
  });

  it("moves the tier with the most energy per dollar saved to the cloud first", () => {
    // J per $: simple 22/0.0003 = 73,333; complex 102/0.002 = 51,000 → simple moves first.
    // Without simple: 10·0.5·102/54,000·100 = 0.944 % ≤ 1 % cap → stop.
    expect(applyBatteryCap(10, [0.5, 0.5], [22, 102], [0.0003, 0.002], [true, true], 15, 1)).toEqual([false, true]);
    // Cap 0.5 %: 0.944 % still over → complex moves too.
    expect(applyBatteryCap(10, [0.5, 0.5], [22, 102], [0.0003, 0.002], [true, true], 15, 0.5)).toEqual([false, false]);
    // Cap 2 %: 1.148 % is under → nothing moves.
    expect(applyBatteryCap(10, [0.5, 0.5], [22, 102], [0.0003, 0.002], [true, true], 15, 2)).toEqual([true, true]);
  });

  it("reports ok, over_cap or unknown", () => {
    expect(batteryStatus(1.2, 1)).toBe("over_cap");
    expect(batteryStatus(1, 1)).toBe("ok");
    expect(batteryStatus(5, null)).toBe("ok");
    expect(batteryStatus(null, 1)).toBe("unknown");
  });
});
