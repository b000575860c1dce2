import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cloudPrices } from "@/db/schema";
import { insertSharedScenario } from "@/db/queries/scenarios";
import { loadBenchmarkCharts } from "@/app/benchmarks/load-charts";
import { listBenchmarkFacets } from "@/db/queries/benchmark-facets";
import { countBenchmarkRuns, listBenchmarkRuns } from "@/db/queries/benchmarks";
import { readDataVersion } from "@/db/queries/data-version";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { deleteUpload } from "@/db/queries/uploads";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createSeededTempDatabase, createTempDatabase, type TempDatabase } from "../helpers/temp-db";

function phoneFile(title: string, decode: number): BenchmarkFileInput {
  return {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "test-phone", name: "Test Phone", memoryBandwidthGBps: 67, batteryWh: 15 }],
    models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
    variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" }],
    quality: [],
    runs: [{ deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: decode }],
    prices: [],
  };
}

describe("the snapshot cache", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  const ingest = (title: string, decode: number) => ingestNativeFile(temp.db, phoneFile(title, decode));

  it("moves the data version on every ingest and delete, and never back to an earlier one", async () => {
    const seen = [await readDataVersion(temp.db)];
    const first = await ingest("one", 10);
    seen.push(await readDataVersion(temp.db));
    const second = await ingest("two", 20);
    seen.push(await readDataVersion(temp.db));
    await deleteUpload(temp.db, second.sourceId);
    seen.push(await readDataVersion(temp.db));
    await deleteUpload(temp.db, first.sourceId);
    seen.push(await readDataVersion(temp.db));
    await ingest("three", 30);
    seen.push(await readDataVersion(temp.db));
    // Each file adds one source and one run; the first creates the runtime "llama.cpp".
    // Deletes leave sqlite_sequence as it is and lower the count of sources: 2 → 1 → 0.
    expect(seen).toEqual([
      " | sources: 0",
      "benchmark_runs=1 runtimes=1 sources=1 | sources: 1",
      "benchmark_runs=2 runtimes=1 sources=2 | sources: 2",
      "benchmark_runs=2 runtimes=1 sources=2 | sources: 1",
      "benchmark_runs=2 runtimes=1 sources=2 | sources: 0",
      "benchmark_runs=3 runtimes=1 sources=3 | sources: 1",
    ]);
  });

  it("moves on a price row added without a file, and not on a saved scenario", async () => {
    const { sourceId } = await ingest("one", 10);
    const start = await readDataVersion(temp.db);
    await insertSharedScenario(temp.db, { id: "share-test-id", version: 1, scenarioJson: "{}", dataJson: "{}", contentHash: "hash-of-test-share" });
    expect(await readDataVersion(temp.db)).toBe(start);
    await temp.db.insert(cloudPrices).values({
      provider: "acme", modelKey: "big", name: "Acme Big", inputUsdPerMTok: 1, outputUsdPerMTok: 2,
      effectiveDate: "2026-01-01", status: "claimed", sourceId,
    });
    expect(await readDataVersion(temp.db)).toBe("benchmark_runs=1 cloud_prices=1 runtimes=1 sources=1 | sources: 1");
  });

  it("serves the same snapshot until a write, then the new data", async () => {
    const upload = await ingest("one", 10);
    const a = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    const b = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    expect(b).toBe(a);
    expect(a.runs.map((r) => r.decodeTokensPerSec)).toEqual([10]);
    // A different variant set is another entry: none of its runs are this variant's.
    expect((await loadCachedSnapshot(temp.db, { variantIds: [] })).runs).toEqual([]);

    await ingest("two", 20);
    const c = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    expect(c).not.toBe(a);
    expect(c.runs.map((r) => r.decodeTokensPerSec).sort()).toEqual([10, 20]);

    await deleteUpload(temp.db, upload.sourceId);
    const d = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    expect(d.runs.map((r) => r.decodeTokensPerSec)).toEqual([20]);
  });

  it("sees a write made through another connection to the same file (another server process)", async () => {
    await ingest("one", 10);
    const before = await loadCachedSnapshot(temp.db);
    const other = await import("@/db/client").then((m) => m.openDatabase(temp.url));
    try {
      await ingestNativeFile(other.db, phoneFile("other", 40));
    } finally {
      other.client.close();
    }
    const after = await loadCachedSnapshot(temp.db);
    expect(before.runs).toHaveLength(1);
    expect(after.runs.map((r) => r.decodeTokensPerSec).sort()).toEqual([10, 40]);
  });

  it("keeps a variant's runs across writes that leave them as they are, and reads them again when runs are added or deleted", async () => {
    const otherVariant = (title: string): BenchmarkFileInput => ({
      ...phoneFile(title, 50),
      variants: [{ id: "tiny-1b-q8_0", modelId: "tiny-1b", quantization: "Q8_0", sizeGB: 1.1, status: "measured" }],
      runs: [{ deviceId: "test-phone", variantId: "tiny-1b-q8_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 50 }],
    });
    const first = await ingest("one", 10);
    const before = (await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] })).runs;
    expect(before.map((r) => r.decodeTokensPerSec)).toEqual([10]);

    // A write of another variant's run: a new version, the same runs (not read again).
    const other = await ingestNativeFile(temp.db, otherVariant("other"));
    const afterOther = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    expect(afterOther.variants.map((v) => v.id).sort()).toEqual(["tiny-1b-q4_0", "tiny-1b-q8_0"]);
    expect(afterOther.runs).toBe(before);
    await deleteUpload(temp.db, other.sourceId);
    expect((await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] })).runs).toBe(before);

    // A run added to it, then its first run deleted: read again each time.
    const second = await ingest("two", 20);
    expect((await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] })).runs.map((r) => r.decodeTokensPerSec)).toEqual([10, 20]);
    await deleteUpload(temp.db, first.sourceId);
    expect((await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] })).runs.map((r) => [r.decodeTokensPerSec, r.provenance.source])).toEqual([[20, "two"]]);
    // Deleted and added again as another source, the same count: the highest id tells them apart.
    await deleteUpload(temp.db, second.sourceId);
    await ingest("three", 30);
    expect((await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] })).runs.map((r) => [r.decodeTokensPerSec, r.provenance.source])).toEqual([[30, "three"]]);
  });

  it("shares one load between concurrent requests and hands out frozen data", async () => {
    await ingest("one", 10);
    const [a, b] = await Promise.all([loadCachedSnapshot(temp.db), loadCachedSnapshot(temp.db)]);
    expect(b).toBe(a);
    expect(Object.isFrozen(a.runs[0])).toBe(true);
    expect(() => {
      (a.runs as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe("benchmark counts, facets and charts kept until a write", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  it("answer the new data after an upload and after its deletion", async () => {
    const ingest = (title: string, decode: number) => ingestNativeFile(temp.db, phoneFile(title, decode));
    const filters = { device: "test-phone" };
    await ingest("one", 10);
    expect(await countBenchmarkRuns(temp.db, filters)).toBe(1);
    expect((await listBenchmarkFacets(temp.db, {})).device.map((v) => [v.value, v.runs])).toEqual([["test-phone", 1]]);
    expect((await loadBenchmarkCharts(temp.db, filters)).decode.rows.map((r) => r["Test Phone"])).toEqual([10]);
    const page = { ...filters, sort: "decode" as const, order: "desc" as const, limit: 10, offset: 0 };
    const decodes = async () => (await listBenchmarkRuns(temp.db, page)).runs.map((r) => r.metrics.decodeTokensPerSec);
    expect(await decodes()).toEqual([10]);

    const second = await ingest("two", 20);
    expect(await decodes()).toEqual([20, 10]);
    // 1 + 1 runs; the best decode of the device and model is now 20.
    expect(await countBenchmarkRuns(temp.db, filters)).toBe(2);
    expect((await listBenchmarkFacets(temp.db, {})).device.map((v) => [v.value, v.runs])).toEqual([["test-phone", 2]]);
    expect((await loadBenchmarkCharts(temp.db, filters)).decode.rows.map((r) => r["Test Phone"])).toEqual([20]);

    await deleteUpload(temp.db, second.sourceId);
    expect(await countBenchmarkRuns(temp.db, filters)).toBe(1);
    expect(await decodes()).toEqual([10]);
    expect((await loadBenchmarkCharts(temp.db, filters)).decode.rows.map((r) => r["Test Phone"])).toEqual([10]);
    // Paging fields are not part of a count's key: the same filter, the same entry.
    expect(await countBenchmarkRuns(temp.db, { ...filters, limit: 5, offset: 1 } as typeof filters)).toBe(1);
  });
});

describe("the cached snapshot of a plan's variant", () => {
  it("equals what the loader reads for that variant, on the seed dataset", { timeout: 30_000 }, async () => {
    const temp = await createSeededTempDatabase();
    try {
      const whole = await loadDatasetSnapshot(temp.db);
      expect(await loadCachedSnapshot(temp.db)).toEqual(whole);
      // The six variants with the most runs (each loader call reads the whole dataset's calibrations).
      const runsOf = (id: string) => whole.runs.filter((r) => r.variantId === id).length;
      const busiest = whole.variants.map((v) => v.id).sort((a, b) => runsOf(b) - runsOf(a)).slice(0, 6);
      expect(runsOf(busiest[5]!)).toBeGreaterThan(1);
      for (const id of busiest) {
        const direct = await loadDatasetSnapshot(temp.db, { variantIds: [id] });
        expect(direct.runs.length).toBe(runsOf(id));
        expect(await loadCachedSnapshot(temp.db, { variantIds: [id] })).toEqual(direct);
      }
      const two = whole.variants.slice(0, 2).map((v) => v.id).reverse();
      expect(await loadCachedSnapshot(temp.db, { variantIds: two })).toEqual(await loadDatasetSnapshot(temp.db, { variantIds: two }));
      expect(await loadCachedSnapshot(temp.db, { variantIds: ["no-such-variant"] })).toEqual(
        await loadDatasetSnapshot(temp.db, { variantIds: ["no-such-variant"] }),
      );
    } finally {
      temp.close();
    }
  });
});
