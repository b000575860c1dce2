import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { listDevices } from "@/db/queries/devices";
import { listCloudPrices } from "@/db/queries/prices";
import { getDatasetSummary } from "@/db/queries/summary";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { planScenario } from "@/lib/model";
import { groupPriceVersions } from "@/lib/pricing/price-history";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { groupPriceQuotes } from "@/lib/pricing/price-quotes";
import { isDatasetEmpty, seedDatabase } from "@/db/seed";
import { benchmarkRuns, sources } from "@/db/schema";
import { getBenchmarksQuerySchema } from "@/lib/schemas/api";
import { createSeededTempDatabase, createTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("the seed dataset", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
    expect(await isDatasetEmpty(temp.db)).toBe(true);
    await seedDatabase(temp.db);
  });
  afterAll(() => temp.close());

  it("holds at least 500 runs, measured and claimed, each with a source", async () => {
    const summary = await getDatasetSummary(temp.db);
    const byStatus = Object.fromEntries(summary.runsByStatus.map((r) => [r.status, r.runs]));
    expect(byStatus.measured).toBeGreaterThanOrEqual(540);
    expect(byStatus.claimed).toBeGreaterThan(0);
    expect(byStatus.estimated).toBeUndefined();
    const all = await listBenchmarkRuns(temp.db, getBenchmarksQuerySchema.parse({ limit: 5000 }));
    expect(all.total).toBeGreaterThanOrEqual(500);
    expect(all.runs.every((r) => r.source.title.length > 0)).toBe(true);
  });

  it("gives every device a bandwidth and a battery fact with a status and a source", async () => {
    const devices = await listDevices(temp.db);
    expect(devices.length).toBeGreaterThanOrEqual(10);
    for (const d of devices) {
      expect(d.memoryBandwidthGBps.value, d.id).toBeGreaterThan(0);
      expect(d.memoryBandwidthGBps.status, d.id).not.toBeNull();
      expect(d.memoryBandwidthGBps.source, d.id).toBeTruthy();
      // A board on mains power has no battery: null, but still with a source that says so.
      expect(d.batteryWh.status, d.id).not.toBeNull();
      expect(d.batteryWh.source, d.id).toBeTruthy();
    }
  });

  it("reads a PocketPal tg figure as decode speed unchanged", async () => {
    // samsung-s23, deepseek-r1-distill-qwen-1.5b iq1_s on cpu: tg_avg 7.833949241738789, pp_avg 13.471000275588686
    const { runs } = await listBenchmarkRuns(
      temp.db,
      getBenchmarksQuerySchema.parse({ device: "samsung-s23", variant: "deepseek-r1-distill-qwen-1.5b-iq1_s", backend: "cpu" }),
    );
    expect(runs.map((r) => r.metrics.decodeTokensPerSec)).toContain(7.833949241738789);
    expect(runs.map((r) => r.metrics.prefillTokensPerSec)).toContain(13.471000275588686);
  });

  it("has current prices for the seed documents' four cloud models", async () => {
    const keys = new Set((await listCloudPrices(temp.db)).map((p) => p.key));
    expect(keys.size).toBeGreaterThanOrEqual(14);
    for (const key of ["openai/gpt-4.1", "gemini/gemini-2.5-flash", "deepseek/deepseek-chat"]) expect(keys).toContain(key);
    expect([...keys].some((k) => k.startsWith("anthropic/claude-sonnet-4-5"))).toBe(true);
  });
});

describe("the seed's price history", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createSeededTempDatabase();
  });
  afterAll(() => temp.close());

  it("gives gpt-4.1 only dated provider prices; the articles' quotes stay claims of their articles", async () => {
    const all = await listCloudPrices(temp.db, { history: true, asOf: "2026-11-29" });
    const gpt41 = all.filter((p) => p.key === "openai/gpt-4.1");
    const versions = groupPriceVersions(all).find((m) => m.key === "openai/gpt-4.1");
    // LiteLLM of 2026-07-24 ($2 / $8, batch $1 / $4) and llm-prices read 2026-08-05 ($2 / $8, in force that day)
    expect([versions?.shown, ...(versions?.history ?? [])].map((p) => [p?.effectiveDate, p?.inputUsdPerMTok, p?.outputUsdPerMTok])).toEqual([
      ["2026-08-05", 2, 8],
      ["2026-07-24", 2, 8],
    ]);
    // llm-prices lists no batch prices; the same price's LiteLLM version lends its own, and says so.
    expect(versions?.shown).toMatchObject({ batchInputUsdPerMTok: 1, batchOutputUsdPerMTok: 4, tiersFrom: { effectiveDate: "2026-07-24" } });
    expect(versions?.history[0]?.tiersFrom).toBeNull();
    // Seeds 000 ($30 "list price"), 001 ($8) and 002 ($8): quotes dated 2026-01-01 by their articles, never current.
    const quotes = gpt41.filter((p) => p.kind === "quote");
    expect(quotes.map((q) => q.outputUsdPerMTok).sort((a, b) => a - b)).toEqual([8, 8, 30]);
    expect(quotes.every((q) => !q.current && q.source.kind === "seed")).toBe(true);
    expect(groupPriceQuotes(all).flatMap((g) => g.quotes).filter((q) => q.key === "openai/gpt-4.1")).toHaveLength(3);
  });

  it("takes a dated change from llm-prices as the price in force after it", async () => {
    // gpt-5.6-terra: LiteLLM 2026-07-24 $2.50 / $15; llm-prices $2.50 / $15 until 2026-07-30, then $2 / $12
    const before = (await listCloudPrices(temp.db, { asOf: "2026-07-29" })).find((p) => p.key === "openai/gpt-5.6-terra");
    const after = (await listCloudPrices(temp.db, { asOf: "2026-11-29" })).find((p) => p.key === "openai/gpt-5.6-terra");
    expect([before?.inputUsdPerMTok, before?.outputUsdPerMTok, before?.effectiveUntil]).toEqual([2.5, 15, "2026-07-30"]);
    expect([after?.inputUsdPerMTok, after?.outputUsdPerMTok, after?.effectiveDate]).toEqual([2, 12, "2026-07-30"]);
    // claude-sonnet-5: $2 / $10 until 2026-09-01, then $3 / $15
    const sonnet5 = (await listCloudPrices(temp.db, { asOf: "2026-11-29" })).find((p) => p.key === "anthropic/claude-sonnet-5");
    expect([sonnet5?.inputUsdPerMTok, sonnet5?.outputUsdPerMTok]).toEqual([3, 15]);
  });

  it("plans gpt-4.1's batch share at the batch prices its LiteLLM version gives, and says where they come from", async () => {
    const snapshot = await loadDatasetSnapshot(temp.db, { asOf: "2026-11-29" });
    const scenario = scenarioSchema.parse({
      version: 1,
      name: "batch",
      horizonMonths: 1,
      traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 },
      tiers: [{ id: "all", share: 1, inputTokens: 1000, outputTokens: 500, minQuality: 0 }],
      devices: [],
      edge: { variant: "qwen3-1.7b-q4_0" },
      cloud: { price: "openai/gpt-4.1", batchShare: 1 },
      costs: { setupUsd: { cloudOnly: 0, edgeOnly: 0, hybrid: 0 } },
    });
    const plan = planScenario(scenario, snapshot, { tornado: false });
    // 200,000 requests × (1,000 × $1 + 500 × $4) / 1e6 = 200,000 × $0.003 = $600
    expect(plan.strategies.cloudOnly.monthly[0]?.cloudUsd).toBeCloseTo(600, 9);
    expect(plan.inputs["cloud.price.batchInputUsdPerMTok"]?.source).toMatch(/^LiteLLM .*same price, 2026-07-24/);
  });

  it("keeps LiteLLM's long-context, batch and cache-write prices with the version", async () => {
    const sonnet = (await listCloudPrices(temp.db, { history: true })).find((p) => p.key === "anthropic/claude-sonnet-4-5" && p.effectiveDate === "2026-07-24");
    // 3.75e-6 cache write; above 200k: 6e-6 / 2.25e-5 / cache read 6e-7 USD per token
    expect(sonnet).toMatchObject({ cacheWriteUsdPerMTok: 3.75, longContext: [{ aboveInputTokens: 200_000, inputUsdPerMTok: 6, outputUsdPerMTok: 22.5, cachedInputUsdPerMTok: 0.6 }] });
    const gpt41 = (await listCloudPrices(temp.db, { history: true })).find((p) => p.key === "openai/gpt-4.1" && p.effectiveDate === "2026-07-24");
    expect([gpt41?.batchInputUsdPerMTok, gpt41?.batchOutputUsdPerMTok]).toEqual([1, 4]);
  });
});

describe("a broken seed", () => {
  function dataDirWith(files: Record<string, unknown>, manifestFiles: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), "seed-data-"));
    mkdirSync(join(dir, "seed"));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, "seed", name), JSON.stringify(content));
    const entries = manifestFiles.map((file) => ({ file: `seed/${file}`, importer: "native" }));
    writeFileSync(join(dir, "seed", "manifest.json"), JSON.stringify({ version: 1, entries }));
    return dir;
  }
  const good = {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "seed", title: "Good file" },
    devices: [{ id: "p1", name: "Phone 1", memoryBandwidthGBps: 50, batteryWh: 15 }],
    models: [{ id: "m1", name: "M1" }],
    variants: [{ id: "m1-q4", modelId: "m1", quantization: "Q4" }],
    runs: [{ deviceId: "p1", variantId: "m1-q4", runtime: "llama.cpp", status: "claimed", decodeTokensPerSec: 10 }],
  };

  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
  });
  afterAll(() => temp.close());

  async function counts() {
    const [s] = await temp.db.select({ n: count() }).from(sources);
    const [r] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    return [s?.n, r?.n];
  }

  it("stops at a file that fails its schema, naming the file, row and field, and writes nothing", async () => {
    const bad = { ...good, source: { kind: "seed", title: "Bad" }, runs: [{ ...good.runs[0], decodeTokensPerSec: -3 }] };
    const dir = dataDirWith({ "good.json": good, "bad.json": bad }, ["good.json", "bad.json"]);
    await expect(seedDatabase(temp.db, dir)).rejects.toThrow(/data\/seed\/bad\.json is invalid: runs\[0\]\.decodeTokensPerSec/);
    expect(await counts()).toEqual([0, 0]);
  });

  it("rolls the whole seed back when a later file cannot be written", async () => {
    const orphan = { ...good, source: { kind: "seed", title: "Orphan" }, devices: [], runs: [{ ...good.runs[0], deviceId: "ghost" }] };
    const dir = dataDirWith({ "good.json": good, "orphan.json": orphan }, ["good.json", "orphan.json"]);
    await expect(seedDatabase(temp.db, dir)).rejects.toThrow(/unknown device "ghost"/);
    expect(await counts()).toEqual([0, 0]);
    const goodOnly = dataDirWith({ "good.json": good }, ["good.json"]);
    await seedDatabase(temp.db, goodOnly);
    expect(await counts()).toEqual([1, 1]);
    const [run] = await temp.db.select().from(benchmarkRuns).where(eq(benchmarkRuns.deviceId, "p1"));
    expect(run?.decodeTokensPerSec).toBe(10);
  });
});
