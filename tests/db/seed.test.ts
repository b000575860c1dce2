import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBenchmarkRuns } from "@/db/queries/benchmarks";
import { listDevices } from "@/db/queries/devices";
import { listCloudPrices } from "@/db/queries/prices";
import { getDatasetSummary } from "@/db/queries/summary";
import { isDatasetEmpty, seedDatabase } from "@/db/seed";
import { benchmarkRuns, sources } from "@/db/schema";
import { getBenchmarksQuerySchema } from "@/lib/schemas/api";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

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
