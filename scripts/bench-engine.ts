/**
 * How fast is the cost engine? `npm run bench:engine`
 *
 * Builds a dataset snapshot the size of the seed data (15 devices, 40 variants,
 * ~800 runs, 25 prices) and 1,000 varied scenarios from a seeded PRNG, then
 * times, on the same scenarios in the same process:
 *   - a JSON round trip of each scenario (the floor: touching the input at all),
 *   - zod parsing alone,
 *   - full plans (tornado and ranges included), plans without the tornado, and
 *     plans without the tornado and the ranges,
 *   - the ranges alone (planRanges: both ends of the learned estimates' ranges and,
 *     where the recommendation flips, the bisection), on the plans that have ranges,
 *   - the tornado alone (sensitivity with and without it), on evaluated plans,
 *   - a 10,000-plan Monte-Carlo batch (one scenario, inputs drawn at random).
 * Whole plans are measured before the staged lines' evaluations are built (built cold and
 * kept alive, they let V8 allocate the engine's arrays in the old generation; see main).
 * It also prints a fingerprint of the 1,000 full plans (SHA-256 of their JSON): a change
 * made for speed alone must leave it as it was.
 */
import { createHash } from "node:crypto";
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { deriveScenario } from "@/lib/model/derive";
import { evaluate } from "@/lib/model/evaluate";
import { buildPlanModel } from "@/lib/model/model";
import { planRanges } from "@/lib/model/ranges";
import { resolveScenario } from "@/lib/model/resolve";
import { sensitivity } from "@/lib/model/sensitivity";
import { scenarioSchema, type Scenario, type ScenarioInput } from "@/lib/schemas/scenario";

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    logUniform: (lo: number, hi: number) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * next()),
  };
}

function buildSnapshot(seed: number): DatasetSnapshot {
  const r = prng(seed);
  const devices = Array.from({ length: 15 }, (_, i) => ({
    id: `device-${i}`,
    name: `Device ${i}`,
    soc: null,
    kind: "phone" as const,
    ramGB: r.pick([4, 6, 8, 12, 16]),
    memoryBandwidthGBps: i % 7 === 6 ? null : r.between(25, 90),
    batteryWh: i % 5 === 4 ? null : r.between(12, 24),
    provenance: {},
  }));
  const quants = ["q2_k", "q3_k_m", "q4_0", "q4_k_m", "q5_k_m", "q6_k", "q8_0", "f16"];
  const variants = Array.from({ length: 40 }, (_, i) => {
    const paramsB = r.pick([0.6, 0.8, 1.2, 1.7, 2, 3.8, 7]);
    const quant = quants[i % quants.length]!;
    const bits = quant === "f16" ? 16 : quant === "q8_0" ? 8.5 : 4.5;
    return {
      id: `model-${Math.floor(i / 8)}-${quant}`,
      modelId: `model-${Math.floor(i / 8)}`,
      name: `Model ${Math.floor(i / 8)} ${quant}`,
      quantization: quant,
      sizeGB: (paramsB * bits) / 8,
      paramsB,
      activeParamsB: null,
      architecture: "dense" as const,
      quality: { mmlu: { score: r.between(30, 75), provenance: { status: "claimed" as const, source: "bench" } } },
      provenance: {},
    };
  });
  const runs: SnapshotRun[] = [];
  let id = 1;
  for (const v of variants) {
    for (const d of devices) {
      if (r.next() < 0.55) continue; // about 45 % of cells have runs
      for (let k = r.int(1, 3); k > 0; k--) {
        runs.push({
          id: id++,
          deviceId: d.id,
          variantId: v.id,
          runtime: r.next() < 0.8 ? "llama.cpp" : "MLC-LLM",
          backend: r.pick(["cpu", "opencl", "hexagon"]),
          status: r.next() < 0.7 ? "measured" : "claimed",
          provenance: { status: "measured", source: "bench" },
          decodeTokensPerSec: r.between(2, 60),
          prefillTokensPerSec: r.between(20, 400),
          ttftMs: r.next() < 0.5 ? r.between(100, 3000) : null,
          promptTokens: 256,
          peakMemoryMB: r.next() < 0.8 ? (v.sizeGB ?? 1) * 1000 * r.between(1.05, 1.5) : null,
          weightsMB: null,
          powerW: r.next() < 0.3 ? r.between(1.5, 7) : null,
          batteryDrainPctPer30Min: r.next() < 0.2 ? r.between(3, 15) : null,
          throttlePct: r.next() < 0.3 ? r.between(5, 40) : null,
          throttleAfterMin: 5,
          coldStartSec: null,
          measuredAt: `2025-${String(r.int(1, 12)).padStart(2, "0")}-01`,
        });
      }
    }
  }
  const prices = Array.from({ length: 25 }, (_, i) => ({
    id: `provider-${i % 5}/model-${i}`,
    provider: `provider-${i % 5}`,
    modelKey: `model-${i}`,
    name: `Cloud model ${i}`,
    inputUsdPerMTok: r.logUniform(0.05, 15),
    outputUsdPerMTok: r.logUniform(0.2, 75),
    cachedInputUsdPerMTok: r.next() < 0.5 ? r.logUniform(0.01, 1) : null,
    ttftMs: r.next() < 0.7 ? r.between(150, 900) : null,
    tokensPerSec: r.next() < 0.7 ? r.between(30, 200) : null,
    quality: { mmlu: r.between(60, 90) },
    effectiveDate: "2026-01-01",
    provenance: { status: "claimed" as const, source: "bench" },
  }));
  return { devices, variants, runs, prices };
}

function buildScenarios(data: DatasetSnapshot, count: number, seed: number): ScenarioInput[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const tierCount = r.int(1, 4);
    const weights = Array.from({ length: tierCount }, () => r.between(0.1, 1));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const deviceIds = [...data.devices].sort(() => r.next() - 0.5).slice(0, r.int(0, 6));
    const coverage = r.between(0.2, 1);
    return {
      version: 1 as const,
      name: `bench ${i}`,
      horizonMonths: r.pick([12, 24, 36, 60]),
      traffic: {
        monthlyActiveUsers: Math.round(r.logUniform(100, 1e9)),
        requestsPerUserPerDay: r.between(0.5, 80),
        activeDaysPerMonth: r.int(5, 30),
        monthlyGrowthPct: r.between(-5, 15),
      },
      tiers: weights.map((w, t) => ({
        id: `tier-${t}`,
        share: w / weightSum,
        inputTokens: Math.round(r.logUniform(20, 8000)),
        outputTokens: Math.round(r.logUniform(5, 2000)),
        minQuality: r.pick([0, 0, 40, 60, 70]),
      })),
      devices: deviceIds.map((d) => ({ device: d.id, share: coverage / deviceIds.length })),
      edge: {
        variant: r.pick(data.variants).id,
        runtime: "llama.cpp",
        runs: r.next() < 0.2 && deviceIds[0] ? [{ device: deviceIds[0].id, decodeTokensPerSec: r.between(5, 40) }] : [],
      },
      cloud: {
        price: r.pick(data.prices).id,
        cachedInputShare: r.between(0, 0.5),
        networkRttMs: r.between(30, 250),
        priceChangePctPerYear: r.between(-30, 5),
      },
      constraints: {
        latencyBudgetMs: r.next() < 0.5 ? r.between(500, 20000) : null,
        maxBatteryPctPerUserDay: r.next() < 0.5 ? r.between(0.5, 5) : null,
      },
    };
  });
}

interface Workload {
  label: string;
  operations: number;
  passes: number;
  run: () => void;
}

interface Timing {
  /** Median wall time per operation, µs. */
  us: number;
  /** Median CPU time of the process per operation, µs: steadier on a machine shared with other work. */
  cpuUs: number;
}

/** Median of several timed passes, per operation, by the wall clock and by the process's CPU time. */
function measure(w: Workload): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < w.passes; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    w.run();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(w.passes / 2)]!;
  const us = (median(wall) * 1000) / w.operations;
  const cpuUs = (median(cpu) * 1000) / w.operations;
  const perSecond = (x: number) => Math.round(1e6 / x).toLocaleString("en-US");
  console.log(
    `${w.label.padEnd(40)} ${us.toFixed(2).padStart(9)} µs/op ${perSecond(us).padStart(9)} op/s | CPU ${cpuUs.toFixed(2).padStart(8)} µs/op ${perSecond(cpuUs).padStart(9)} op/s  (median of ${w.passes} passes of ${w.operations.toLocaleString("en-US")})`,
  );
  return { us, cpuUs };
}

function main() {
  const data = buildSnapshot(42);
  const inputs = buildScenarios(data, 1000, 7);
  const parsed: Scenario[] = inputs.map((s) => scenarioSchema.parse(s));
  let sink = 0;
  const fingerprint = createHash("sha256");
  for (const s of parsed) fingerprint.update(JSON.stringify(planScenario(s, data)));
  // The evaluations the ranges and tornado lines re-read, built once those are measured (below).
  const staged: { derived: ReturnType<typeof deriveScenario>; evaluation: ReturnType<typeof evaluate> }[] = [];
  const ranged: typeof staged = [];

  // Monte-Carlo: one scenario, uncertain volume, growth, price trend and output length drawn per plan.
  const base = parsed[0]!;
  const r = prng(2024);
  const draws: Scenario[] = Array.from({ length: 10_000 }, () => ({
    ...base,
    traffic: {
      ...base.traffic,
      monthlyActiveUsers: base.traffic.monthlyActiveUsers * r.logUniform(0.5, 2),
      monthlyGrowthPct: r.between(-2, 8),
    },
    tiers: base.tiers.map((t) => ({ ...t, outputTokens: t.outputTokens * r.between(0.7, 1.3) })),
    cloud: { ...base.cloud, priceChangePctPerYear: r.between(-40, 0) },
  }));

  const workloads = {
    json: {
      label: "baseline: JSON round trip",
      operations: inputs.length,
      passes: 9,
      run: () => {
        for (const s of inputs) sink += (JSON.parse(JSON.stringify(s)) as { horizonMonths: number }).horizonMonths;
      },
    },
    zod: {
      label: "baseline: zod parse",
      operations: inputs.length,
      passes: 9,
      run: () => {
        for (const s of inputs) sink += scenarioSchema.parse(s).horizonMonths;
      },
    },
    full: {
      label: "planScenario (tornado included)",
      operations: parsed.length,
      passes: 9,
      run: () => {
        for (const s of parsed) sink += planScenario(s, data).strategies.hybrid.tcoUsd;
      },
    },
    lean: {
      label: "planScenario (no tornado)",
      operations: parsed.length,
      passes: 9,
      run: () => {
        for (const s of parsed) sink += planScenario(s, data, { tornado: false }).strategies.hybrid.tcoUsd;
      },
    },
    bare: {
      label: "planScenario (no tornado, no ranges)",
      operations: parsed.length,
      passes: 9,
      run: () => {
        for (const s of parsed) sink += planScenario(s, data, { tornado: false, ranges: false }).strategies.hybrid.tcoUsd;
      },
    },
    ranges: {
      label: "ranges alone",
      operations: 0,
      passes: 9,
      run: () => {
        for (const x of ranged) sink += planRanges(x.derived, x.evaluation)!.strategies.hybrid.tcoUsd.low;
      },
    },
    tornado: {
      label: "tornado alone",
      operations: 0,
      passes: 9,
      run: () => {
        for (const x of staged) sink += sensitivity(x.evaluation, true).tornado.length;
      },
    },
    sensitivityBare: {
      label: "sensitivity without the tornado",
      operations: 0,
      passes: 9,
      run: () => {
        for (const x of staged) sink += sensitivity(x.evaluation, false).baseSavingsUsd;
      },
    },
    parseAndPlan: {
      label: "zod parse + full plan",
      operations: inputs.length,
      passes: 9,
      run: () => {
        for (const s of inputs) sink += planScenario(scenarioSchema.parse(s), data).strategies.hybrid.tcoUsd;
      },
    },
    monteCarlo: {
      label: "Monte-Carlo batch (no tornado)",
      operations: draws.length,
      passes: 5,
      run: () => {
        let cheaper = 0;
        for (const s of draws) {
          const p = planScenario(s, data, { tornado: false });
          if (p.strategies.hybrid.tcoUsd < p.strategies.cloudOnly.tcoUsd) cheaper++;
        }
        sink += cheaper;
      },
    },
  } satisfies Record<string, Workload>;

  console.log(
    `node ${process.version}; snapshot: ${data.devices.length} devices, ${data.variants.length} variants, ${data.runs.length} runs, ${data.prices.length} prices; ${inputs.length} scenarios\n`,
  );
  // Whole plans first, then the staged lines. A thousand evaluations built while the engine
  // is cold and kept alive (the staged lines' input) let V8 move the engine's allocation
  // sites to the old generation: plans measured after them ran about 2x slower (process CPU
  // time; about 1.1x for the engine before its lazy parts), which measured the bench's own
  // heap. Built once the plans are measured (the engine warm), they change nothing.
  // Within each group, every workload is warmed first so no measurement pays for another's
  // JIT compilation.
  const planKeys = ["json", "zod", "full", "lean", "bare", "parseAndPlan", "monteCarlo"] as const;
  const stagedKeys = ["ranges", "tornado", "sensitivityBare"] as const;
  const timings = {} as Record<keyof typeof workloads, Timing>;
  for (const k of planKeys) for (let i = 0; i < 3; i++) workloads[k].run();
  for (const k of planKeys) timings[k] = measure(workloads[k]);
  for (const s of parsed) {
    const derived = deriveScenario(resolveScenario(s, data));
    staged.push({ derived, evaluation: evaluate(buildPlanModel(derived)) });
  }
  for (const x of staged) if (planRanges(x.derived, x.evaluation) !== null) ranged.push(x);
  workloads.ranges.label = `ranges alone (${ranged.length} ranged plans)`;
  workloads.ranges.operations = ranged.length;
  workloads.tornado.operations = staged.length;
  workloads.sensitivityBare.operations = staged.length;
  for (const k of stagedKeys) for (let i = 0; i < 3; i++) workloads[k].run();
  for (const k of stagedKeys) timings[k] = measure(workloads[k]);

  const us = Object.fromEntries(Object.entries(timings).map(([k, t]) => [k, t.us])) as Record<keyof typeof workloads, number>;
  const cpuUs = Object.fromEntries(Object.entries(timings).map(([k, t]) => [k, t.cpuUs])) as Record<keyof typeof workloads, number>;
  const perSecond = (x: number) => Math.round(1e6 / x).toLocaleString("en-US");

  console.log(`\nfull plans/s (tornado and ranges): ${perSecond(us.full)} (CPU time: ${perSecond(cpuUs.full)})`);
  console.log(`plans/s without the tornado:       ${perSecond(us.lean)} (CPU time: ${perSecond(cpuUs.lean)})`);
  console.log(`full plan ÷ JSON round trip:   ${(us.full / us.json).toFixed(1)}× (CPU time: ${(cpuUs.full / cpuUs.json).toFixed(1)}×)`);
  console.log(`full plan ÷ zod parse:         ${(us.full / us.zod).toFixed(1)}×`);
  console.log(`plan, no tornado ÷ zod parse:  ${(us.lean / us.zod).toFixed(1)}×`);
  console.log(`tornado ÷ JSON round trip:     ${((us.tornado - us.sensitivityBare) / us.json).toFixed(1)}× (its share of a full plan: ${(((us.tornado - us.sensitivityBare) / us.full) * 100).toFixed(0)} %)`);
  console.log(`ranges ÷ JSON round trip:      ${(us.ranges / us.json).toFixed(1)}× per ranged plan (${ranged.length} of ${staged.length} plans have ranges)`);
  console.log(`Monte-Carlo: ${perSecond(us.monteCarlo)} plans/s (CPU time: ${perSecond(cpuUs.monteCarlo)})`);

  console.log(`(checksum ${sink.toExponential(3)}; plans fingerprint ${fingerprint.digest("hex").slice(0, 16)})`);
}

main();
