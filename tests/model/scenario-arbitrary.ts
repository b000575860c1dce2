/** Valid scenarios of every shape, against the standard snapshot of fixtures.ts: shared by the property tests. */
import fc from "fast-check";
import { scenarioSchema, type Scenario, type ScenarioInput } from "@/lib/schemas/scenario";

/** Positive weights normalised to shares summing to `total`. */
const shares = (n: number, total: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => (x / sum) * total);
  });

const datasetDevices = ["phone-a", "phone-b", "phone-c", "phone-d"];

const inlineDevice = fc.record({
  name: fc.constantFrom("Inline X", "Inline Y"),
  ramGB: fc.double({ min: 0.5, max: 64, noNaN: true }),
  memoryBandwidthGBps: fc.option(fc.double({ min: 0.001, max: 500, noNaN: true }), { nil: null }),
  batteryWh: fc.option(fc.double({ min: 0.001, max: 100, noNaN: true }), { nil: null }),
});

const deviceRefs = fc
  .tuple(fc.subarray(datasetDevices), fc.option(inlineDevice, { nil: undefined }))
  .map(([ids, inline]) => (inline ? [...ids, inline] : ids));

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    horizonMonths: fc.integer({ min: 1, max: 120 }),
    mau: fc.oneof(fc.constant(0), fc.constant(1e9), fc.double({ min: 0, max: 1e9, noNaN: true })),
    rpd: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
    days: fc.double({ min: 0, max: 31, noNaN: true }),
    growth: fc.double({ min: -100, max: 30, noNaN: true }),
    tierCount: fc.integer({ min: 1, max: 4 }),
    tokens: fc.array(fc.tuple(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 4000 })), {
      minLength: 4,
      maxLength: 4,
    }),
    minQuality: fc.array(fc.constantFrom(0, 50, 70, 100), { minLength: 4, maxLength: 4 }),
    devices: deviceRefs,
    coverage: fc.double({ min: 0, max: 1, noNaN: true }),
    inlineVariant: fc.boolean(),
    sizeGB: fc.double({ min: 0.001, max: 20, noNaN: true }),
    inlinePrice: fc.boolean(),
    prices: fc.tuple(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 100, noNaN: true }),
    ),
    cached: fc.double({ min: 0, max: 1, noNaN: true }),
    priceTrend: fc.double({ min: -100, max: 100, noNaN: true }),
    setup: fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })),
    infra: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
    cdn: fc.double({ min: 0, max: 1, noNaN: true }),
    newInstall: fc.double({ min: 0, max: 1, noNaN: true }),
    updates: fc.integer({ min: 0, max: 52 }),
    latencyBudget: fc.option(fc.double({ min: 1, max: 100_000, noNaN: true }), { nil: null }),
    batteryCap: fc.option(fc.double({ min: 0.001, max: 100, noNaN: true }), { nil: null }),
    usable: fc.double({ min: 0.05, max: 1, noNaN: true }),
    efficiency: fc.double({ min: 0.05, max: 1, noNaN: true }),
    inlineRun: fc.option(fc.double({ min: 0.001, max: 500, noNaN: true }), { nil: undefined }),
  })
  .chain((r) =>
    fc.tuple(fc.constant(r), shares(r.tierCount, 1), shares(Math.max(r.devices.length, 1), r.coverage)),
  )
  .map(([r, tierShares, deviceShares]) => {
    const input: ScenarioInput = {
      version: 1,
      name: "property",
      horizonMonths: r.horizonMonths,
      traffic: {
        monthlyActiveUsers: r.mau,
        requestsPerUserPerDay: r.rpd,
        activeDaysPerMonth: r.days,
        monthlyGrowthPct: r.growth,
      },
      tiers: tierShares.map((share, i) => ({
        id: `t${i}`,
        share,
        inputTokens: r.tokens[i]![0],
        outputTokens: r.tokens[i]![1],
        minQuality: r.minQuality[i]!,
      })),
      devices: r.devices.map((device, i) => ({ device, share: deviceShares[i]! })),
      edge: {
        variant: r.inlineVariant ? { name: "Inline model", sizeGB: r.sizeGB, quality: 65 } : "small-q4",
        runs:
          r.inlineRun !== undefined && r.devices.includes("phone-b")
            ? [{ device: "phone-b", decodeTokensPerSec: r.inlineRun }]
            : [],
      },
      cloud: {
        price: r.inlinePrice
          ? { name: "Inline price", inputUsdPerMTok: r.prices[0], outputUsdPerMTok: r.prices[1], cachedInputUsdPerMTok: r.prices[2] }
          : "cheap/model",
        cachedInputShare: r.cached,
        priceChangePctPerYear: r.priceTrend,
      },
      costs: {
        setupUsd: { cloudOnly: r.setup[0], edgeOnly: r.setup[1], hybrid: r.setup[2] },
        monthlyInfraUsd: { cloudOnly: r.infra[0], edgeOnly: r.infra[1], hybrid: r.infra[2] },
        cdnUsdPerGB: r.cdn,
        newInstallSharePerMonth: r.newInstall,
        modelUpdatesPerYear: r.updates,
      },
      constraints: {
        latencyBudgetMs: r.latencyBudget,
        maxBatteryPctPerUserDay: r.batteryCap,
        usableRamFraction: r.usable,
        bandwidthEfficiency: r.efficiency,
      },
    };
    return scenarioSchema.parse(input);
  });
