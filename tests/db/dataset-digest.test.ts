import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { listBenchmarkFacets } from "@/db/queries/benchmark-facets";
import { listBenchmarkFigureGroups, listChartRuns } from "@/db/queries/benchmark-charts";
import { readDataVersion } from "@/db/queries/data-version";
import { learningSettled, readStoredLearning, relearnStoredLearning, storeDigest } from "@/db/queries/dataset-learning";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
import { loadCachedRunCounts } from "@/db/queries/run-counts";
import { learnAfterWrite, loadCachedCatalogue } from "@/db/queries/snapshot-cache";
import { digestDataset, learnDatasetVersion } from "@/db/queries/version-learning";
import { datasetDigest, datasetLearning } from "@/db/schema";
import { CHART_RUN_LIMITS } from "@/lib/benchmarks/chart-limits";
import { learnSpeedModel } from "@/lib/model/learned-speed";
import { postUploadQuerySchema } from "@/lib/schemas/uploads";
import { learnMissingVersionsOffThread } from "@/lib/use-cases/learn-after-write";
import { uploadFileOffThread } from "@/lib/use-cases/upload-off-thread";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { createWorkerDatabase, ingestPhoneRun, phoneFile } from "../helpers/test-phone";

// Counted, not changed: which thread learns is what this file checks.
vi.mock("@/lib/model/learned-speed", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/model/learned-speed")>();
  return { ...actual, learnSpeedModel: vi.fn(actual.learnSpeedModel) };
});
const learnCalls = () => vi.mocked(learnSpeedModel).mock.calls.length;

/** Runs 1 (30 tok/s) and 2 (300, over the bound) learned with their digest, then run 3 (400, over it too) stored: the version left to learn. */
async function versionAfterLearned(temp: TempDatabase): Promise<string> {
  await ingestPhoneRun(temp.db, "slow", 30);
  await ingestPhoneRun(temp.db, "too fast", 300);
  await learnAfterWrite(temp.db);
  await ingestPhoneRun(temp.db, "faster still", 400);
  return readDataVersion(temp.db);
}

/** A promise that settles when `release` is called. */
function gate(): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { held, release };
}

/** `promise`'s value, or "waiting" when it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "waiting"> {
  return Promise.race([promise, new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), ms))]);
}

describe("the digest stored with the learning", () => {
  it("holds what /benchmarks and the planner derive from every run, and their readers read it", async () => {
    const temp = await createTempDatabase();
    try {
      await ingestPhoneRun(temp.db, "slow", 30);
      await ingestPhoneRun(temp.db, "too fast", 300);
      await learnDatasetVersion(temp.db);
      const version = await readDataVersion(temp.db);
      const stored = await readStoredLearning(temp.db, version);
      expect(stored?.checkedThroughRunId).toBe(2);
      // 300 tok/s is over the 111.7 tok/s bound, 30 is not.
      expect(stored?.failingRuns?.map(([id, findings]) => [id, findings.map((f) => f.check)])).toEqual([[2, ["bandwidth-bound"]]]);
      expect(stored?.runCounts).toEqual({ byVariant: { "tiny-1b-q4_0": 2 }, byRuntime: { "llama.cpp": 2 } });
      // One combination per source (ids 1 and 2), one run each.
      expect(stored?.runCombos?.map(([device, variant, , backend, status, source, runs]) => [device, variant, backend, status, source, runs])).toEqual([
        ["test-phone", "tiny-1b-q4_0", null, "measured", 1, 1],
        ["test-phone", "tiny-1b-q4_0", null, "measured", 2, 1],
      ]);
      expect(stored?.facets?.device).toEqual([{ value: "test-phone", label: "Test Phone", runs: 2 }]);
      expect(stored?.facets?.source).toEqual([
        { value: "1", label: "slow", runs: 1 },
        { value: "2", label: "too fast", runs: 1 },
      ]);
      expect(stored?.figureGroups).toEqual([
        {
          deviceId: "test-phone",
          deviceName: "Test Phone",
          modelId: "tiny-1b",
          modelName: "Tiny 1B",
          status: "measured",
          runs: 2,
          maxDecodeTokensPerSec: 300,
          maxPrefillTokensPerSec: null,
          minTtftMs: null,
        },
      ]);
      // Both runs have a decode speed (sampled, step 1); only run 2 is over the bound (300 × 0.6 GB = 180 > 67 GB/s); none has energy figures.
      expect(stored?.chartRuns?.limits).toEqual(CHART_RUN_LIMITS);
      expect(stored?.chartRuns?.sample.total).toBe(2);
      expect(stored?.chartRuns?.sample.points.map((p) => [p.id, p.decodeTokensPerSec])).toEqual([
        [1, 30],
        [2, 300],
      ]);
      expect(stored?.chartRuns?.aboveBound.map((p) => [p.id, p.deviceName, p.sizeGB])).toEqual([[2, "Test Phone", 0.6]]);
      expect(stored?.chartRuns?.energy).toEqual([]);

      // Read, not computed again: figures changed by hand in the row are what another connection's readers give.
      const setInPart = (part: string, path: string, value: number) =>
        temp.db.update(datasetDigest).set({ json: sql`json_set(${datasetDigest.json}, ${path}, ${value})` }).where(eq(datasetDigest.part, part));
      await setInPart("runCounts", '$.byVariant."tiny-1b-q4_0"', 7);
      await setInPart("facets", "$.device[0].runs", 8);
      await setInPart("figureGroups", "$[0].runs", 9);
      await setInPart("chartRuns", "$.sample.total", 10);
      await temp.db.update(datasetDigest).set({ json: "[]" }).where(eq(datasetDigest.part, "failingRuns"));
      const other = openDatabase(temp.url);
      try {
        expect((await loadCachedRunCounts(other.db)).byVariant).toEqual({ "tiny-1b-q4_0": 7 });
        expect((await listBenchmarkFacets(other.db, {})).device).toEqual([{ value: "test-phone", label: "Test Phone", runs: 8 }]);
        expect((await listBenchmarkFigureGroups(other.db, {})).map((g) => g.runs)).toEqual([9]);
        expect((await listChartRuns(other.db, {}, CHART_RUN_LIMITS)).sample.total).toBe(10);
        // The flagged runs, unfiltered and filtered, selected from the stored failing runs (emptied by hand).
        const dataset = await listDatasetFindings(other.db);
        expect((await listFlaggedRuns(other.db, {}, dataset, 10)).total).toBe(0);
        expect((await listFlaggedRuns(other.db, { status: "measured" }, dataset, 10)).total).toBe(0);
        // Other limits than the stored ones, or a filter: counted from the runs.
        const fewer = (await listChartRuns(other.db, {}, { ...CHART_RUN_LIMITS, sample: 1 })).sample;
        // Every 2nd run (⌈2 ÷ 1⌉) by id: run 2.
        expect([fewer.total, fewer.points.map((p) => p.id)]).toEqual([2, [2]]);
        expect((await listChartRuns(other.db, { status: "measured" }, CHART_RUN_LIMITS)).sample.total).toBe(2);
        // A filter's facets come from the stored combinations: the one source's run.
        expect((await listBenchmarkFacets(other.db, { source: 1 })).device).toEqual([{ value: "test-phone", label: "Test Phone", runs: 1 }]);
      } finally {
        other.client.close();
      }
    } finally {
      temp.close();
    }
  });

  it("while a worker learns the next version, is read as an interim: the runs added since are checked, the rest waits for nothing", async () => {
    const temp = await createTempDatabase();
    try {
      const version = await versionAfterLearned(temp);
      const { held, release } = gate();
      const learner = () => {
        const done = held.then(() => learnDatasetVersion(temp.db));
        return { learned: done.then(() => undefined), checked: done.then(() => undefined) };
      };
      const pass = learnAfterWrite(temp.db, learner);

      const dataset = await listDatasetFindings(temp.db);
      const flagged = await within(listFlaggedRuns(temp.db, {}, dataset, 10), 5_000);
      expect(flagged).not.toBe("waiting");
      // Run 2 from the stored failing runs, run 3 (400 tok/s, over the bound) checked here.
      expect(flagged !== "waiting" && flagged.runs.map((r) => [r.run.id, r.findings.map((f) => f.check)])).toEqual([
        [2, ["bandwidth-bound"]],
        [3, ["bandwidth-bound"]],
      ]);
      // The previous version's facets, until the worker stores this one's.
      expect((await within(listBenchmarkFacets(temp.db, {}), 5_000)) !== "waiting").toBe(true);
      expect((await listBenchmarkFacets(temp.db, {})).device[0]?.runs).toBe(2);
      expect((await loadCachedRunCounts(temp.db)).byVariant).toEqual({ "tiny-1b-q4_0": 2 });
      expect((await readStoredLearning(temp.db, version))?.failingRuns).toBeUndefined();

      release();
      await pass;
      await learningSettled(temp.db);
      expect((await listBenchmarkFacets(temp.db, {})).device[0]?.runs).toBe(3);
      expect((await loadCachedRunCounts(temp.db)).byVariant).toEqual({ "tiny-1b-q4_0": 3 });
      expect((await listFlaggedRuns(temp.db, {}, dataset, 10)).runs.map((r) => r.run.id)).toEqual([2, 3]);
      expect((await readStoredLearning(temp.db, version))?.failingRuns?.map(([id]) => id)).toEqual([2, 3]);
    } finally {
      temp.close();
    }
  });
});

describe("between a worker's learning and its digest", () => {
  it("readers still read the previous version's digest, and only the new version's rows are left once the digest is stored", async () => {
    const temp = await createTempDatabase();
    try {
      const version = await versionAfterLearned(temp);
      const { held, release } = gate();
      const learned = relearnStoredLearning(temp.db).then(() => undefined);
      const checked = Promise.all([learned, held]).then(async () => storeDigest(temp.db, version, await digestDataset(temp.db)));
      const pass = learnAfterWrite(temp.db, () => ({ learned, checked }));
      await learned;
      // The learning of this version is stored, its digest not yet: the previous one's is read, without waiting.
      expect(await readStoredLearning(temp.db, version)).not.toBeNull();
      const facets = await within(listBenchmarkFacets(temp.db, {}), 5_000);
      expect(facets !== "waiting" && facets.device[0]?.runs).toBe(2);

      release();
      await pass;
      await learningSettled(temp.db);
      expect((await listBenchmarkFacets(temp.db, {})).device[0]?.runs).toBe(3);
      expect((await temp.db.select({ v: datasetLearning.dataVersion }).from(datasetLearning)).map((r) => r.v)).toEqual([version]);
      expect(new Set((await temp.db.select({ v: datasetDigest.dataVersion }).from(datasetDigest)).map((r) => r.v))).toEqual(new Set([version]));
    } finally {
      temp.close();
    }
  });
});

describe("a version another server wrote", () => {
  it("is learned in a worker by this server's first reader, not on its thread; the reader meanwhile reads the stored learning", { timeout: 60_000 }, async () => {
    const temp = await createWorkerDatabase();
    const server = openDatabase(temp.url);
    try {
      await ingestPhoneRun(temp.db, "first", 10);
      await learnDatasetVersion(temp.db);
      // This server's database, set up as the app's is at its start; from 0 runs on, so this dataset counts as large.
      learnMissingVersionsOffThread(server.db, { offThreadFromRuns: 0 });
      expect((await loadCachedCatalogue(server.db)).devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([
        { runtime: "llama.cpp", efficiency: 6 / 67, variants: 1 },
      ]);

      // Another server's write, its learning not stored yet.
      await ingestPhoneRun(temp.db, "second", 20);
      const version = await readDataVersion(temp.db);
      const learned = learnCalls();
      const catalogue = await loadCachedCatalogue(server.db);
      // The stored learning (10 tok/s × 0.6 GB ÷ 67 GB/s) while the worker learns this version.
      expect(catalogue.devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([{ runtime: "llama.cpp", efficiency: 6 / 67, variants: 1 }]);
      await learningSettled(server.db);
      expect(learnCalls()).toBe(learned);
      const stored = await readStoredLearning(temp.db, version);
      // The best of 10 and 20 tok/s: 20 × 0.6 ÷ 67; the digest with it.
      expect(stored?.calibrations.map((c) => c.efficiency)).toEqual([12 / 67]);
      expect(stored?.runCounts).toEqual({ byVariant: { "tiny-1b-q4_0": 2 }, byRuntime: { "llama.cpp": 2 } });
      expect((await loadCachedCatalogue(server.db)).devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([
        { runtime: "llama.cpp", efficiency: 12 / 67, variants: 1 },
      ]);
      expect((await listBenchmarkFacets(server.db, {})).device[0]?.runs).toBe(2);
      expect(learnCalls()).toBe(learned);
    } finally {
      server.client.close();
      temp.close();
    }
  });
});

describe("a large upload's worker", () => {
  it("stores the learning and the digest of the version it wrote, as the learning worker does", { timeout: 60_000 }, async () => {
    const temp = await createWorkerDatabase();
    try {
      await ingestPhoneRun(temp.db, "slow", 30);
      const text = JSON.stringify({ ...phoneFile("too fast", 300), devices: [], models: [], variants: [] });
      const outcome = await uploadFileOffThread({ text, query: postUploadQuerySchema.parse({ confirm: "1" }) });
      expect(outcome.status).toBe(201);
      const stored = await readStoredLearning(temp.db, await readDataVersion(temp.db));
      // Learned from the run within the bound, 30 tok/s × 0.6 GB per token ÷ 67 GB/s; run 2, over the 111.7 tok/s bound, fails.
      expect(stored?.calibrations.map((c) => c.efficiency)).toEqual([18 / 67]);
      expect(stored?.failingRuns?.map(([id]) => id)).toEqual([2]);
      expect(stored?.runCounts).toEqual({ byVariant: { "tiny-1b-q4_0": 2 }, byRuntime: { "llama.cpp": 2 } });
    } finally {
      temp.close();
    }
  });
});
