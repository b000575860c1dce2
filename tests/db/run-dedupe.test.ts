import { createHash } from "node:crypto";
import { eq, isNull, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backfillDedupeKeys, existingDedupeKeys, ingestBenchmarkFile, runDedupeKey } from "@/db/queries/ingest";
import { commitUpload } from "@/db/queries/uploads";
import { previewFile } from "@/lib/use-cases/upload";
import { benchmarkRuns } from "@/db/schema";
import { benchmarkFileSchema, type BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

type Run = NonNullable<BenchmarkFileInput["runs"]>[number];

const run = (decode: number, extra: Partial<Run> = {}): Run => ({
  deviceId: "test-phone",
  variantId: "tiny-1b-q4_0",
  runtime: "llama.cpp",
  backend: "cpu",
  status: "measured",
  decodeTokensPerSec: decode,
  prefillTokensPerSec: 100,
  measuredAt: "2026-03-01",
  ...extra,
});

function file(title: string, runs: Run[]) {
  return benchmarkFileSchema.parse({
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "test-phone", name: "Test Phone", memoryBandwidthGBps: 67 }],
    models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
    variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" }],
    quality: [],
    runs,
    prices: [],
  } satisfies BenchmarkFileInput);
}

describe("duplicate runs, by indexed key", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  it("keys a run by device, variant, runtime, backend, speeds and date, and by nothing else", () => {
    const base = { deviceId: "d", variantId: "v", runtime: "llama.cpp", backend: "cpu", decodeTokensPerSec: 10, prefillTokensPerSec: 100, measuredAt: "2026-03-01" };
    const key = runDedupeKey(base);
    // sha256, base64url, 22 characters = 132 bits
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Absent and null are the same; the status or notes are not part of the measurement's identity.
    expect(runDedupeKey({ ...base, backend: null })).toBe(runDedupeKey({ ...base, backend: undefined }));
    const variations = [
      { deviceId: "e" },
      { variantId: "w" },
      { runtime: "MLC-LLM" },
      { backend: "gpu" },
      { decodeTokensPerSec: 10.01 },
      { prefillTokensPerSec: 101 },
      { measuredAt: "2026-03-02" },
    ];
    for (const change of variations) expect(runDedupeKey({ ...base, ...change })).not.toBe(key);
    // The digest of the identity as a JSON array, as every earlier version stored it: stored keys still match.
    const identity = JSON.stringify(["d", "v", "llama.cpp", "cpu", 10, 100, "2026-03-01"]);
    expect(key).toBe(createHash("sha256").update(identity).digest("base64url").slice(0, 22));
  });

  it("commits an upload with the keys its preview computed, its duplicates left out", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file("first", [run(10)]), { format: "native" }));
    const second = file("second", [run(9), run(10), run(11)]);
    const preview = await previewFile(temp.db, second);
    expect(preview.duplicateRows).toEqual([1]);
    expect(preview.runKeys).toEqual([run(9), run(10), run(11)].map((r) => runDedupeKey(r)));
    const { sourceId, runsAdded } = await temp.db.transaction((tx) =>
      commitUpload(tx, second, { format: "native", contentHash: "second", duplicateRows: preview.duplicateRows, runKeys: preview.runKeys }),
    );
    expect(runsAdded).toBe(2);
    const stored = await temp.db
      .select({ decode: benchmarkRuns.decodeTokensPerSec, key: benchmarkRuns.dedupeKey })
      .from(benchmarkRuns)
      .where(eq(benchmarkRuns.sourceId, sourceId))
      .orderBy(benchmarkRuns.id);
    expect(stored).toEqual([
      { decode: 9, key: runDedupeKey(run(9)) },
      { decode: 11, key: runDedupeKey(run(11)) },
    ]);
    // Keys that do not line up with the runs are refused, not stored against the wrong rows.
    await expect(
      temp.db.transaction((tx) => ingestBenchmarkFile(tx, file("third", [run(12), run(13)]), { format: "native", runKeys: ["only-one"] })),
    ).rejects.toThrow("1 duplicate keys for 2 runs");
  });

  it("stores each run's key and finds a second upload's repeats without reading the variant's runs", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file("first", [run(10), run(11), run(12, { backend: "gpu" })]), { format: "native" }));
    const stored = await temp.db.select({ key: benchmarkRuns.dedupeKey }).from(benchmarkRuns);
    expect(stored.map((r) => r.key).sort()).toEqual(
      [run(10), run(11), run(12, { backend: "gpu" })].map((r) => runDedupeKey(r)).sort(),
    );

    // Rows 0 and 2 repeat stored runs; row 1 differs in its decode speed only; row 3 in its date.
    const second = file("second", [run(10), run(10.5), run(12, { backend: "gpu" }), run(11, { measuredAt: "2026-04-01" })]);
    const preview = await previewFile(temp.db, second);
    expect(preview.duplicateRows).toEqual([0, 2]);
    expect(preview.runs).toBe(2);
    expect(await existingDedupeKeys(temp.db, [runDedupeKey(run(11)), "no-such-key"])).toEqual(new Set([runDedupeKey(run(11))]));

    // The query plan of the look-up (its keys as one JSON array) uses the index, not a scan of benchmark_runs.
    const plan = await temp.db.all<{ detail: string }>(
      sql`explain query plan select distinct dedupe_key as key from benchmark_runs where dedupe_key in (select value from json_each(${JSON.stringify(["a", "b"])}))`,
    );
    const details = plan.map((p) => p.detail).join(" | ");
    expect(details).toContain("SEARCH benchmark_runs USING COVERING INDEX benchmark_runs_dedupe_idx (dedupe_key=?)");
    expect(details).not.toContain("SCAN benchmark_runs");
  });

  it("fills the key of runs stored before it existed, as ingest computes it", async () => {
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file("first", [run(10), run(11)]), { format: "native" }));
    await temp.db.update(benchmarkRuns).set({ dedupeKey: null });
    expect(await backfillDedupeKeys(temp.db)).toBe(2);
    expect(await temp.db.select().from(benchmarkRuns).where(isNull(benchmarkRuns.dedupeKey))).toEqual([]);
    const preview = await previewFile(temp.db, file("again", [run(11), run(10)]));
    expect(preview.duplicateRows).toEqual([0, 1]);
    expect(await backfillDedupeKeys(temp.db)).toBe(0);
  });

  it("lets the event loop turn between chunks of a large file", async () => {
    // 1,000 runs in chunks of 200 = 5 inserts, with a turn of the event loop after each.
    const runs = Array.from({ length: 1000 }, (_, i) => run(1 + i / 100));
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await temp.db.transaction((tx) => ingestBenchmarkFile(tx, file("big", runs), { format: "native" }));
    done = true;
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
