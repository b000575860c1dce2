import { describe, expect, it } from "vitest";
import { findingsOfRun, type RunFacts } from "@/lib/benchmarks/run-findings";

const facts: RunFacts = {
  decodeTokensPerSec: null,
  powerW: null,
  batteryDrainPctPer30Min: null,
  backend: null,
  memoryBandwidthGBps: 77,
  batteryWh: 18,
  sizeGB: 4.8,
  paramsB: 8,
  activeParamsB: null,
  architecture: "dense",
};

describe("findingsOfRun", () => {
  it("flags decode above the bound and gives the bound", () => {
    // 77 GB/s ÷ 4.8 GB = 16.04 tok/s; 28 tok/s exceeds it.
    const { boundTokensPerSec, findings } = findingsOfRun({ ...facts, decodeTokensPerSec: 28 });
    expect(boundTokensPerSec).toBeCloseTo(16.042, 3);
    expect(findings.map((f) => [f.check, f.ok])).toEqual([
      ["bandwidth-bound", false],
      // 4.8 GB × 8 bits ÷ 8B params = 4.8 bits per parameter.
      ["bits-per-parameter", true],
    ]);
  });

  it("says what is missing when a check cannot run, and checks battery drain", () => {
    // 6 % of 18 Wh in 0.5 h = 2.16 W: fine.
    const { boundTokensPerSec, findings } = findingsOfRun({
      ...facts,
      decodeTokensPerSec: 10,
      memoryBandwidthGBps: null,
      batteryDrainPctPer30Min: 6,
    });
    expect(boundTokensPerSec).toBeNull();
    expect(findings[0]).toEqual({
      check: "bandwidth-bound",
      ok: null,
      reason: "not checked: the device's memory bandwidth unknown",
    });
    expect(findings.find((f) => f.check === "battery-drain")?.ok).toBe(true);
  });

  it("checks energy per token when power and decode are known", () => {
    // 1 W at 10 tok/s = 0.1 J per token, below the 0.2 J floor of a dense 8B model on a CPU.
    const { findings } = findingsOfRun({ ...facts, decodeTokensPerSec: 10, powerW: 1, backend: "cpu" });
    expect(findings.find((f) => f.check === "energy-per-token")?.ok).toBe(false);
  });

  it("checks a variant without a size at parameters × nominal bits, and says so", () => {
    // 14.7B at INT4: 14.7 × 4 ÷ 8 = 7.35 GB; 84.8 GB/s ÷ 7.35 GB = 11.54 tok/s < 12.3 (seed 000's Phi-4)
    const r = findingsOfRun({ ...facts, sizeGB: null, paramsB: 14.7, quantization: "INT4", memoryBandwidthGBps: 84.8, decodeTokensPerSec: 12.3 });
    expect(r.inferredSizeGB).toBeCloseTo(7.35, 12);
    expect(r.boundTokensPerSec).toBeCloseTo(84.8 / 7.35, 12);
    const [bound] = r.findings;
    expect(bound?.ok).toBe(false);
    expect(bound?.reason).toContain("file size estimated: 14.7B parameters × 4 bits ÷ 8 = 7.35 GB");
    // Bits per parameter are not checked against the nominal bits they came from.
    expect(r.findings.some((f) => f.check === "bits-per-parameter")).toBe(false);
    // A label that names no bits leaves the size unknown.
    expect(findingsOfRun({ ...facts, sizeGB: null, quantization: "Lite", decodeTokensPerSec: 12 }).findings[0]?.ok).toBeNull();
  });
});
