/**
 * The flagged runs, a filter's chart figure groups and its chart runs are carried from one data
 * version to the next in memory (failing-runs.ts; the run combinations' figures,
 * benchmark-facets.ts; benchmark-charts.ts): after each kind of write they must equal what a
 * computation from the runs gives, and the carried value, not the stored digest or the runs
 * read again, must be what a write's first reader reads.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { listBenchmarkFigureGroups, listChartRuns, queryChartRuns, queryFigureGroups } from "@/db/queries/benchmark-charts";
import { listBenchmarkRunIds, listBenchmarkRunPage, listBenchmarkRunPageWithFacts, type ListBenchmarkRunsParams } from "@/db/queries/benchmarks";
import { readDataVersion } from "@/db/queries/data-version";
import { learningSettled, learningUnderWay } from "@/db/queries/dataset-learning";
import { checkEveryRun } from "@/db/queries/failing-runs";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
import { deleteUpload } from "@/db/queries/uploads";
import { learnDatasetVersion } from "@/db/queries/version-learning";
import { benchmarkRuns, datasetDigest, devices } from "@/db/schema";
import { CHART_RUN_LIMITS, type ChartRunLimits } from "@/lib/benchmarks/chart-limits";
import type { FigureGroup } from "@/lib/charts/best-figures";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase } from "../helpers/temp-db";

type Run = NonNullable<BenchmarkFileInput["runs"]>[number];

/**
 * Two phones (67 and 30 GB/s) and two variants (0.6 and 1.8 GB): decode bounds test-phone × tiny 111.7,
 * test-phone × small 37.2, other-phone × tiny 50, other-phone × small 16.7 tok/s.
 */
function file(title: string, runs: Run[], quality: BenchmarkFileInput["quality"] = []): BenchmarkFileInput {
  return {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [
      { id: "test-phone", name: "Test Phone", kind: "phone", memoryBandwidthGBps: 67, batteryWh: 15 },
      { id: "other-phone", name: "Other Phone", kind: "phone", memoryBandwidthGBps: 30 },
      // First in the list's default order (by device id).
      { id: "a-phone", name: "A Phone", kind: "phone", memoryBandwidthGBps: 50 },
    ],
    models: [
      { id: "tiny-1b", name: "Tiny 1B", paramsB: 1 },
      { id: "small-3b", name: "Small 3B", paramsB: 3 },
    ],
    variants: [
      { id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" },
      { id: "small-3b-q4_0", modelId: "small-3b", quantization: "Q4_0", sizeGB: 1.8, status: "measured" },
    ],
    quality,
    runs,
    prices: [],
  };
}

const run = (deviceId: string, variantId: string, decodeTokensPerSec: number, more: Partial<Run> = {}): Run => ({
  deviceId,
  variantId,
  runtime: "llama.cpp",
  status: "measured",
  decodeTokensPerSec,
  ...more,
});

const FILTERS: BenchmarkFilters[] = [
  {},
  { device: "test-phone" },
  { device: "other-phone" },
  { model: "tiny-1b" },
  { variant: "small-3b-q4_0" },
  { status: "claimed" },
  { runtime: "MLC-LLM" },
  { source: 1 },
  { source: 2 },
];

const LIMIT = 3;

/** Small enough that the lists are capped and the sample's step moves as runs come and go. */
const FEW: ChartRunLimits = { sample: 2, aboveBound: 1, energy: 1 };

/** Flagged runs as /benchmarks lists them (the kept ones where kept). */
async function flagged(db: Database, filters: BenchmarkFilters) {
  const { total, runs } = await listFlaggedRuns(db, filters, await listDatasetFindings(db), LIMIT);
  return { total, runs: runs.map((r) => [r.run.id, r.findings] as const) };
}

/** The same from every run checked now, in the run list's order from the database. */
async function flaggedFromRuns(db: Database, filters: BenchmarkFilters) {
  const failing = new Map(await checkEveryRun(db, await listDatasetFindings(db)));
  const ids = (await listBenchmarkRunIds(db, filters)).filter((id) => failing.has(id));
  return { total: ids.length, runs: ids.slice(0, LIMIT).map((id) => [id, failing.get(id)!] as const) };
}

const byKey = (groups: FigureGroup[]) =>
  [...groups].sort((a, b) => `${a.deviceId} ${a.modelId} ${a.status} ${a.runs}`.localeCompare(`${b.deviceId} ${b.modelId} ${b.status} ${b.runs}`));

/** Pages of the run list: the default order and sorted columns (text, numbers with unknown values), first and later pages. */
const PAGES: Omit<ListBenchmarkRunsParams, keyof BenchmarkFilters>[] = [
  { limit: 100, offset: 0 },
  { limit: 2, offset: 0 },
  { limit: 2, offset: 1 },
  { sort: "decode", order: "desc", limit: 2, offset: 0 },
  { sort: "prefill", order: "asc", limit: 3, offset: 1 },
  { sort: "device", order: "asc", limit: 2, offset: 2 },
  { sort: "model", order: "desc", limit: 100, offset: 0 },
];

/** Every filter's flagged runs, figure groups, chart runs and pages equal those computed from the runs (pages: by a connection that has kept nothing). */
async function expectAsFromRuns(db: Database, url: string): Promise<void> {
  const fresh = openDatabase(url);
  try {
    for (const filters of FILTERS) {
      for (const page of PAGES) {
        const params = { ...filters, ...page };
        expect(await listBenchmarkRunPage(db, params), JSON.stringify(params)).toEqual(await listBenchmarkRunPage(fresh.db, params));
        expect(await listBenchmarkRunPageWithFacts(db, params), JSON.stringify(params)).toEqual(await listBenchmarkRunPageWithFacts(fresh.db, params));
      }
    }
  } finally {
    fresh.client.close();
  }
  for (const filters of FILTERS) {
    const at = JSON.stringify(filters);
    expect(await flagged(db, filters), at).toEqual(await flaggedFromRuns(db, filters));
    expect(byKey(await listBenchmarkFigureGroups(db, filters)), at).toEqual(byKey(await queryFigureGroups(db, filters)));
    for (const limits of [CHART_RUN_LIMITS, FEW]) expect(await listChartRuns(db, filters, limits), at).toEqual(await queryChartRuns(db, filters, limits));
  }
}

/** Learns this version and empties its stored failing runs and run combinations: a reader that reads them finds nothing. */
async function learnThenEmptyStored(db: Database): Promise<void> {
  await learnDatasetVersion(db);
  const version = await readDataVersion(db);
  await db
    .update(datasetDigest)
    .set({ json: "[]" })
    .where(and(eq(datasetDigest.dataVersion, version), sql`${datasetDigest.part} in ('failingRuns', 'runCombos')`));
}

describe("flagged runs and figure groups carried across writes", () => {
  it("equal a computation from the runs after an added run, a deleted source, a changed model finding and changed device figures", async () => {
    const temp = await createTempDatabase();
    const { db } = temp;
    try {
      // Source 1: 300 over test-phone × tiny's 111.7, 60 over other-phone × tiny's 50, the claimed MLC 50 over test-phone × small's 37.2.
      await ingestNativeFile(
        db,
        file("first", [
          run("test-phone", "tiny-1b-q4_0", 30, { prefillTokensPerSec: 120, ttftMs: 900 }),
          run("test-phone", "tiny-1b-q4_0", 300),
          run("other-phone", "tiny-1b-q4_0", 60),
          run("other-phone", "small-3b-q4_0", 10, { prefillTokensPerSec: 100, ttftMs: 500 }),
          run("test-phone", "small-3b-q4_0", 50, { status: "claimed", runtime: "MLC-LLM", prefillTokensPerSec: 200 }),
        ]),
      );
      await learnDatasetVersion(db);
      await expectAsFromRuns(db, temp.url);
      // In the list's order: device, then variant (small before tiny), then id.
      expect((await flagged(db, {})).runs.map(([id]) => id)).toEqual([3, 5, 2]);

      // Run 1's decode changed in place, which no write does (data-version.ts): what is carried keeps the figure it read.
      await db.update(benchmarkRuns).set({ decodeTokensPerSec: 31 }).where(eq(benchmarkRuns.id, 1));
      // Source 2: 40 over other-phone × small's 16.7, drawing 4 W; 20 within test-phone × tiny's bound, with a faster prefill and first
      // token; 10 within a-phone × tiny's 83.3.
      await ingestNativeFile(
        db,
        file("second", [
          run("other-phone", "small-3b-q4_0", 40, { powerW: 4 }),
          run("test-phone", "tiny-1b-q4_0", 20, { prefillTokensPerSec: 150, ttftMs: 300 }),
          // Before every run listed so far: a later page's rows all move on by one.
          run("a-phone", "tiny-1b-q4_0", 10),
        ]),
      );
      const decodeOfRun1 = async () => (await listChartRuns(db, { device: "test-phone" }, CHART_RUN_LIMITS)).sample.points.find((p) => p.id === 1)?.decodeTokensPerSec;
      expect(await decodeOfRun1()).toBe(30);
      expect((await queryChartRuns(db, { device: "test-phone" }, CHART_RUN_LIMITS)).sample.points.find((p) => p.id === 1)?.decodeTokensPerSec).toBe(31);
      // The pages too: run 1 as read before, where a connection that kept nothing reads it now.
      const decodeInPage = async (d: Database) => (await listBenchmarkRunPage(d, { device: "test-phone", limit: 100, offset: 0 })).find((r) => r.id === 1)?.metrics.decodeTokensPerSec;
      expect(await decodeInPage(db)).toBe(30);
      const other = openDatabase(temp.url);
      try {
        expect(await decodeInPage(other.db)).toBe(31);
      } finally {
        other.client.close();
      }
      await db.update(benchmarkRuns).set({ decodeTokensPerSec: 30 }).where(eq(benchmarkRuns.id, 1));
      // The version's digest stored, then emptied: what the first reader reads is carried, not read from it.
      await learnThenEmptyStored(db);
      await expectAsFromRuns(db, temp.url);
      expect((await flagged(db, {})).total).toBe(4);
      expect((await flagged(db, { device: "other-phone" })).runs.map(([id]) => id)).toEqual([6, 3]);

      // Source 1 deleted: its five runs with it; its devices, models and variants stay, credited to source 2.
      expect(await deleteUpload(db, 1)).toEqual({ runsDeleted: 5 });
      await learnThenEmptyStored(db);
      await expectAsFromRuns(db, temp.url);
      expect((await flagged(db, {})).runs.map(([id]) => id)).toEqual([6]);

      // Two sources 35 points apart on Tiny 1B's MMLU: a failing finding about the model, so every run of it is flagged.
      await ingestNativeFile(db, file("scores a", [], [{ modelId: "tiny-1b", metric: "mmlu", score: 25 }]));
      await ingestNativeFile(db, file("scores b", [], [{ modelId: "tiny-1b", metric: "mmlu", score: 60 }]));
      await learnDatasetVersion(db);
      await expectAsFromRuns(db, temp.url);
      expect((await flagged(db, { model: "tiny-1b" })).runs.map(([id, findings]) => [id, findings.map((f) => f.check)])).toEqual([
        [8, ["conflicting-figures"]],
        [7, ["conflicting-figures"]],
      ]);

      // other-phone's bandwidth changed in place, as data-version.ts requires with a source added: 40 tok/s × 1.8 GB is within 300 GB/s.
      await db.update(devices).set({ memoryBandwidthGBps: 300 }).where(eq(devices.id, "other-phone"));
      await ingestNativeFile(db, file("third", [run("test-phone", "small-3b-q4_0", 5)]));
      await expectAsFromRuns(db, temp.url);
      expect((await flagged(db, { device: "other-phone" })).total).toBe(0);
      await learnDatasetVersion(db);

      // test-phone's bandwidth changed to 5 GB/s (run 7's 20 tok/s × 0.6 GB and run 9's 5 × 1.8 over it) while a worker learns:
      // the interim read meanwhile is the previous digest's, checked with the old figure, and must not be carried.
      await db.update(devices).set({ memoryBandwidthGBps: 5 }).where(eq(devices.id, "test-phone"));
      await ingestNativeFile(db, file("fourth", [run("other-phone", "tiny-1b-q4_0", 10)]));
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      learningUnderWay(db, { learned: held, checked: held });
      // Run 7, flagged for its model's scores in that digest.
      expect((await flagged(db, { device: "test-phone" })).total).toBe(1);
      await learnDatasetVersion(db);
      release();
      await learningSettled(db);
      await ingestNativeFile(db, file("fifth", [run("other-phone", "tiny-1b-q4_0", 11)]));
      await expectAsFromRuns(db, temp.url);
      expect((await flagged(db, { device: "test-phone" })).runs.map(([id]) => id)).toEqual([9, 7]);
    } finally {
      temp.close();
    }
  });
});
