import { asc, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { listDevices } from "@/db/queries/devices";
import { ingestBenchmarkFile, runDedupeKey } from "@/db/queries/ingest";
import { listCloudPrices } from "@/db/queries/prices";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { benchmarkRuns, documentClaims, runtimes, sources } from "@/db/schema";
import { listDatasetFindings } from "@/db/queries/findings";
import { getBenchmarksQuerySchema } from "@/lib/schemas/api";
import { benchmarkFileSchema, type BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const phoneFile: BenchmarkFileInput = {
  format: "edge-llm-benchmarks",
  version: 1,
  source: { kind: "upload", title: "My phone" },
  devices: [
    {
      id: "test-phone",
      name: "Test Phone",
      soc: "Snapdragon 8 Gen 2",
      ramGB: 8,
      memoryBandwidthGBps: 67,
      batteryWh: 15,
      facts: { memoryBandwidthGBps: { status: "claimed", source: "spec sheet" } },
    },
  ],
  models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
  variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" }],
  quality: [{ modelId: "tiny-1b", metric: "mmlu", score: 40 }],
  runs: [
    { deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", backend: "cpu", status: "measured", decodeTokensPerSec: 30.5, prefillTokensPerSec: 200 },
    { deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "MLC-LLM", status: "claimed", decodeTokensPerSec: 45 },
  ],
  prices: [
    { provider: "acme", modelKey: "big", name: "Acme Big", inputUsdPerMTok: 1, outputUsdPerMTok: 4, effectiveDate: "2025-01-01" },
    { provider: "acme", modelKey: "big", name: "Acme Big", inputUsdPerMTok: 0.5, outputUsdPerMTok: 2, effectiveDate: "2026-01-01" },
    { provider: "acme", modelKey: "big", name: "Acme Big", outputUsdPerMTok: 1, effectiveDate: "2026-02-01" },
  ],
};

describe("ingesting a benchmark file", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  it("stores devices, runs and prices under one source, readable through the queries", async () => {
    const file = benchmarkFileSchema.parse(phoneFile);
    const summary = await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file, { format: "native" }));
    expect(summary).toMatchObject({ devicesAdded: 1, modelsAdded: 1, variantsAdded: 1, runsAdded: 2, pricesAdded: 3 });

    const all = await listBenchmarkRuns(temp.db, getBenchmarksQuerySchema.parse({}));
    expect(all.total).toBe(2);
    const measured = await listBenchmarkRuns(temp.db, getBenchmarksQuerySchema.parse({ status: "measured" }));
    expect(measured.runs.map((r) => r.metrics.decodeTokensPerSec)).toEqual([30.5]);
    expect(measured.runs[0]?.source).toMatchObject({ kind: "upload", title: "My phone" });
    const byRuntime = await listBenchmarkRuns(temp.db, getBenchmarksQuerySchema.parse({ runtime: "MLC-LLM" }));
    expect(byRuntime.runs.map((r) => r.status)).toEqual(["claimed"]);

    const [device] = await listDevices(temp.db);
    expect(device?.memoryBandwidthGBps).toEqual({ value: 67, status: "claimed", source: "spec sheet" });
    expect(device?.runCount).toBe(2);
  });

  it("keeps every price version and names the newest dated one with an input price as current", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, benchmarkFileSchema.parse(phoneFile), { format: "native" }));
    const history = await listCloudPrices(temp.db, { history: true, asOf: "2026-06-01" });
    expect(history).toHaveLength(3);
    const current = await listCloudPrices(temp.db, { asOf: "2026-06-01" });
    // The 2026-02-01 quote has no input price, so 2026-01-01's $0.50 / $2 stays in force.
    expect(current.map((p) => [p.key, p.inputUsdPerMTok, p.outputUsdPerMTok])).toEqual([["acme/big", 0.5, 2]]);
    const earlier = await listCloudPrices(temp.db, { asOf: "2025-06-01" });
    expect(earlier.map((p) => p.outputUsdPerMTok)).toEqual([4]);
  });

  it("builds the engine's snapshot with provenance on every fact", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, benchmarkFileSchema.parse(phoneFile), { format: "native" }));
    const snapshot = await loadDatasetSnapshot(temp.db, { asOf: "2026-06-01" });
    expect(snapshot.devices[0]?.provenance.memoryBandwidthGBps).toEqual({ status: "claimed", source: "spec sheet" });
    expect(snapshot.variants[0]).toMatchObject({ id: "tiny-1b-q4_0", sizeGB: 0.6, paramsB: 1, name: "Tiny 1B Q4_0" });
    expect(snapshot.variants[0]?.quality.mmlu?.score).toBe(40);
    expect(snapshot.runs).toHaveLength(2);
    expect(snapshot.prices.map((p) => p.id)).toEqual(["acme/big"]);
  });

  it("refuses a run naming an unknown device and leaves the database unchanged", async () => {
    const bad = benchmarkFileSchema.parse({
      ...phoneFile,
      runs: [{ deviceId: "ghost-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 1 }],
    });
    await expect(
      temp.db.transaction((tx) => ingestBenchmarkFile(tx, bad, { format: "native" })),
    ).rejects.toThrow(/unknown device "ghost-phone"/);
    const [s] = await temp.db.select({ n: count() }).from(sources);
    const [r] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    expect([s?.n, r?.n]).toEqual([0, 0]);
  });
  it("stores a document's cost and model claims and checks them against its model facts", async () => {
    const file = benchmarkFileSchema.parse({
      ...phoneFile,
      models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1, architecture: "dense" }],
      costClaims: [{ label: "Acme Big, 2M tokens", tokens: 2_000_000, usdPerMTok: 4, statedUsd: 8, quote: "2M tokens cost $8" }],
      modelClaims: [{ modelId: "tiny-1b", architecture: "moe", quote: "Tiny is a mixture of experts" }],
    });
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file, { format: "native" }));
    const findings = await listDatasetFindings(temp.db);
    // 2,000,000 ÷ 1e6 × $4 = $8: as stated
    expect(findings.map((f) => [f.check, f.ok, f.sourceTitle])).toEqual([
      ["model-fact", false, "My phone"],
      ["cost-total", true, "My phone"],
    ]);
    expect(findings[0]?.modelIds).toEqual(["tiny-1b"]);
  });

  it("refuses a model claim about a model the dataset lacks", async () => {
    const file = benchmarkFileSchema.parse({ ...phoneFile, modelClaims: [{ modelId: "nope", architecture: "moe", quote: "q" }] });
    await expect(temp.db.transaction((tx) => ingestBenchmarkFile(tx, file, { format: "native" }))).rejects.toThrow('unknown model "nope"');
    expect(await temp.db.select({ n: count() }).from(documentClaims)).toEqual([{ n: 0 }]);
  });
  it("compares one model's scores across sources, leaving out sub-4-bit variants and inherited scores", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, benchmarkFileSchema.parse(phoneFile), { format: "native" }));
    const second = benchmarkFileSchema.parse({
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "research", title: "Second card" },
      variants: [{ id: "tiny-1b-q2_k", modelId: "tiny-1b", quantization: "Q2_K", sizeGB: 0.4 }],
      quality: [
        { modelId: "tiny-1b", metric: "mmlu", score: 43 },
        { modelId: "tiny-1b", variantId: "tiny-1b-q2_k", metric: "mmlu", score: 30 },
        { modelId: "tiny-1b", metric: "mmlu", score: 20, status: "estimated" },
      ],
    });
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, second, { format: "native" }));
    // 40 (My phone) and 43 (Second card): 3 points apart; the Q2_K 30 and the estimated 20 are not compared.
    expect((await listDatasetFindings(temp.db)).map((f) => [f.check, f.ok, f.reason])).toEqual([
      ["conflicting-figures", true, "Tiny 1B MMLU: 40 (My phone), 43 (Second card) agree within 5 points"],
    ]);
  });
  it("stores every run of a file longer than one chunk, in order, each figure and key as the file has it", async () => {
    // 450 runs = two chunks of 200 through the prepared insert + one of 50 through a plain one.
    const runs = Array.from({ length: 450 }, (_, i) => ({
      deviceId: "test-phone",
      variantId: "tiny-1b-q4_0",
      runtime: i % 3 === 0 ? "MLC-LLM" : "llama.cpp",
      backend: i % 2 === 0 ? "gpu" : undefined,
      status: "measured" as const,
      decodeTokensPerSec: 1 + i / 7,
      prefillTokensPerSec: i % 5 === 0 ? undefined : 100 + i,
      powerW: i === 449 ? 3.25 : undefined,
      measuredAt: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}`,
      notes: i === 0 ? "first" : undefined,
    }));
    const file = benchmarkFileSchema.parse({ ...phoneFile, runs });
    const { sourceId } = await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file, { format: "native" }));
    const stored = await temp.db
      .select({
        runtime: runtimes.name,
        backend: benchmarkRuns.backend,
        decode: benchmarkRuns.decodeTokensPerSec,
        prefill: benchmarkRuns.prefillTokensPerSec,
        powerW: benchmarkRuns.powerW,
        measuredAt: benchmarkRuns.measuredAt,
        notes: benchmarkRuns.notes,
        key: benchmarkRuns.dedupeKey,
      })
      .from(benchmarkRuns)
      .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
      .where(eq(benchmarkRuns.sourceId, sourceId))
      .orderBy(asc(benchmarkRuns.id));
    expect(stored).toEqual(
      file.runs.map((r) => ({
        runtime: r.runtime,
        backend: r.backend ?? null,
        decode: r.decodeTokensPerSec,
        prefill: r.prefillTokensPerSec ?? null,
        powerW: r.powerW ?? null,
        measuredAt: r.measuredAt,
        notes: r.notes ?? null,
        key: runDedupeKey(r),
      })),
    );
    expect(stored[199]).toMatchObject({ decode: 1 + 199 / 7, prefill: 299 });
    expect(stored[449]).toMatchObject({ runtime: "llama.cpp", backend: null, decode: 1 + 449 / 7, powerW: 3.25 });
  });
});
