import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "@/lib/schemas/json-schemas";
import { scenarioSchema } from "@/lib/schemas/scenario";

const minimal = { version: 1, edge: { variant: "v" }, cloud: { price: "p/m" } };
const issues = (input: unknown) => {
  const r = scenarioSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("scenarioSchema", () => {
  it("fills every default of the contract", () => {
    const s = scenarioSchema.parse(minimal);
    expect(s.horizonMonths).toBe(36);
    expect(s.qualityMetric).toBe("mmlu");
    expect(s.traffic).toEqual({ monthlyActiveUsers: 50000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20, monthlyGrowthPct: 0 });
    expect(s.tiers.map((t) => t.id)).toEqual(["simple", "medium", "complex"]);
    expect(s.tiers.reduce((a, t) => a + t.share, 0)).toBeCloseTo(1, 12);
    expect(s.devices).toEqual([]);
    expect(s.edge).toEqual({ variant: "v", runtime: "llama.cpp", runs: [] });
    expect(s.cloud).toEqual({ price: "p/m", cachedInputShare: 0, networkRttMs: 80, priceChangePctPerYear: 0 });
    expect(s.costs).toEqual({
      setupUsd: { cloudOnly: 3000, edgeOnly: 50000, hybrid: 25000 },
      monthlyInfraUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 20 },
      cdnUsdPerGB: 0.02,
      newInstallSharePerMonth: 0.05,
      modelUpdatesPerYear: 2,
    });
    expect(s.constraints).toEqual({
      latencyBudgetMs: null,
      maxBatteryPctPerUserDay: null,
      usableRamFraction: 0.5,
      latencyTarget: "fullResponse",
    });
  });

  it("fills partial nested objects", () => {
    const s = scenarioSchema.parse({ ...minimal, costs: { setupUsd: { hybrid: 1 } } });
    expect(s.costs.setupUsd).toEqual({ cloudOnly: 3000, edgeOnly: 50000, hybrid: 1 });
  });

  it("requires tier shares summing to 1 and unique tier ids", () => {
    const tiers = [
      { id: "a", share: 0.5, inputTokens: 1, outputTokens: 1 },
      { id: "a", share: 0.4, inputTokens: 1, outputTokens: 1 },
    ];
    expect(issues({ ...minimal, tiers })).toEqual([
      "tiers: tier shares must sum to 1 (they sum to 0.9)",
      'tiers.1.id: duplicate tier id "a"',
    ]);
    // 1/3 + 1/3 + 1/3 sums to 1 within 1e-9
    const thirds = ["a", "b", "c"].map((id) => ({ id, share: 1 / 3, inputTokens: 1, outputTokens: 1 }));
    expect(issues({ ...minimal, tiers: thirds })).toEqual([]);
  });

  it("allows device shares up to 1 and rejects more, duplicates and the reserved id", () => {
    expect(issues({ ...minimal, devices: [{ device: "a", share: 0.6 }, { device: "b", share: 0.4 }] })).toEqual([]);
    expect(
      issues({ ...minimal, devices: [{ device: "a", share: 0.6 }, { device: { name: "a", ramGB: 8 }, share: 0.6 }] }),
    ).toEqual(["devices: device shares must sum to at most 1 (they sum to 1.2)", 'devices.1.device: duplicate device "a"']);
    expect(issues({ ...minimal, devices: [{ device: "other", share: 0.1 }] })[0]).toMatch(/^devices.0.device: "other" is reserved/);
  });

  it("rejects negative, non-finite and out-of-range numbers with their path", () => {
    expect(issues({ ...minimal, traffic: { monthlyActiveUsers: -1 } })[0]).toMatch(/^traffic.monthlyActiveUsers: /);
    expect(issues({ ...minimal, traffic: { requestsPerUserPerDay: Number.POSITIVE_INFINITY } })[0]).toMatch(
      /^traffic.requestsPerUserPerDay: /,
    );
    expect(issues({ ...minimal, horizonMonths: 12.5 })[0]).toMatch(/^horizonMonths: /);
    expect(issues({ ...minimal, horizonMonths: 121 })[0]).toMatch(/^horizonMonths: /);
    expect(issues({ ...minimal, cloud: { price: "p", cachedInputShare: 1.5 } })[0]).toMatch(/^cloud.cachedInputShare: /);
    expect(issues({ ...minimal, version: 2 })[0]).toMatch(/^version: /);
    expect(issues({ ...minimal, extra: 1 })[0]).toMatch(/extra/);
  });

  it("accepts inline refs and rejects incomplete ones", () => {
    expect(
      issues({
        ...minimal,
        devices: [{ device: { name: "X", ramGB: 8, memoryBandwidthGBps: 60, batteryWh: 15 }, share: 1 }],
        edge: { variant: { name: "M", sizeGB: 1, peakMemoryMB: 1200, quality: 60 } },
        cloud: { price: { name: "P", inputUsdPerMTok: 1, outputUsdPerMTok: 2, cachedInputUsdPerMTok: 0.1, ttftMs: 300, tokensPerSec: 80, quality: 80 } },
      }),
    ).toEqual([]);
    expect(issues({ ...minimal, edge: { variant: { name: "M" } } }).length).toBeGreaterThan(0);
  });
});

describe("scenarioJsonSchema", () => {
  it("describes the input, defaults included", () => {
    const schema = scenarioJsonSchema() as { type: string; properties: Record<string, { default?: unknown }>; required: string[] };
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["version", "edge", "cloud"]));
    expect(schema.required).not.toContain("traffic");
    expect(schema.properties.horizonMonths?.default).toBe(36);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["traffic", "tiers", "devices", "edge", "cloud", "costs", "constraints", "qualityMetric"]),
    );
  });
});

describe("the published scenario JSON Schema", () => {
  it("carries the version-1 additions", async () => {
    const { scenarioJsonSchema } = await import("@/lib/schemas/json-schemas");
    const text = JSON.stringify(scenarioJsonSchema());
    for (const field of ["latencyTarget", "backend", "prefillTokensPerSec", "activeParamsB", "bitsPerWeight", "soc", "kind"]) {
      expect(text).toContain(`"${field}"`);
    }
    expect(text).toContain('"firstToken"');
    expect(text).toContain('"server"');
    // no default efficiency: unset means learned
    const constraints = (scenarioJsonSchema() as { properties: Record<string, { properties: Record<string, { default?: unknown }> }> })
      .properties.constraints!.properties;
    expect(constraints.bandwidthEfficiency!.default).toBeUndefined();
    expect(constraints.latencyTarget!.default).toBe("fullResponse");
  });
});
