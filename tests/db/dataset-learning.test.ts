import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as uploadDelete } from "@/app/api/uploads/[id]/route";
import { POST as uploadPost } from "@/app/api/uploads/route";
import { openDatabase } from "@/db/client";
import { readDataVersion } from "@/db/queries/data-version";
import { learningSettled, readStoredLearning, relearnStoredLearning } from "@/db/queries/dataset-learning";
import { checkEveryRun } from "@/db/queries/failing-runs";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { learnAfterWrite, loadCachedCatalogue } from "@/db/queries/snapshot-cache";
import { datasetDigest, datasetLearning } from "@/db/schema";
import { learnSpeedModel } from "@/lib/model/learned-speed";
import { learnAfterCommit } from "@/lib/use-cases/learn-after-write";
import { planScenarioBody } from "@/lib/use-cases/plan";
import { createSeededTempDatabase, createTempDatabase, type TempDatabase } from "../helpers/temp-db";
import { createWorkerDatabase, ingestPhoneRun, phoneFileText } from "../helpers/test-phone";

// Counted, not changed: which step learns is what this file checks.
vi.mock("@/lib/model/learned-speed", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/model/learned-speed")>();
  return { ...actual, learnSpeedModel: vi.fn(actual.learnSpeedModel) };
});
const learnCalls = () => vi.mocked(learnSpeedModel).mock.calls.length;

const scenario = {
  version: 1,
  traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 1, activeDaysPerMonth: 30 },
  tiers: [{ id: "all", share: 1, inputTokens: 1000, outputTokens: 500 }],
  devices: [{ device: "test-phone", share: 1 }],
  edge: { variant: "tiny-1b-q4_0" },
  cloud: { price: { name: "Negotiated", inputUsdPerMTok: 1, outputUsdPerMTok: 2 } },
};

async function upload(text: string): Promise<number> {
  const res = await uploadPost(new Request("http://localhost/api/uploads", { method: "POST", body: text }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { uploadId: number }).uploadId;
}

describe("learning at write time", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
    process.env.DATABASE_URL = temp.url;
    // The app caches its client on globalThis; drop it so the routes open this file.
    delete (globalThis as { appDatabase?: unknown }).appDatabase;
  });
  afterAll(() => temp.close());

  it("is stored when an upload answers, so the next plan, here or on another server, learns nothing", async () => {
    await upload(phoneFileText("one", 10));
    const version = await readDataVersion(temp.db);
    const stored = await readStoredLearning(temp.db, version);
    // decode efficiency = 10 tok/s × 0.6 GB per token ÷ 67 GB/s = 0.0895…, over 1 variant.
    expect(stored?.calibrations).toEqual([{ deviceId: "test-phone", runtime: "llama.cpp", efficiency: 6 / 67, variants: 1 }]);

    const learned = learnCalls();
    const plan = await planScenarioBody(temp.db, scenario);
    // R = 1,000 · 1 · 30 = 30,000 requests/month at (1,000 · $1 + 500 · $2) / 1e6 = $0.002 each.
    expect(plan.strategies.cloudOnly.monthly[0]!.cloudUsd).toBeCloseTo(60, 9);
    const other = openDatabase(temp.url);
    try {
      const catalogue = await loadCachedCatalogue(other.db);
      expect(catalogue.devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([
        { runtime: "llama.cpp", efficiency: 6 / 67, variants: 1 },
      ]);
      expect(catalogue.speedModel).toEqual(stored?.speedModel);
    } finally {
      other.client.close();
    }
    expect(learnCalls()).toBe(learned);

    // What was stored is what learning the data now gives.
    expect((await loadDatasetSnapshot(temp.db)).speedModel).toEqual(stored?.speedModel);
  });

  it("is replaced on every upload and deletion; only the current version's row is kept", async () => {
    const second = await upload(phoneFileText("two", 20));
    // The median over variants of each variant's best run: 20 · 0.6 / 67.
    const afterUpload = await readStoredLearning(temp.db, await readDataVersion(temp.db));
    expect(afterUpload?.calibrations.map((c) => c.efficiency)).toEqual([12 / 67]);

    const res = await uploadDelete(new Request(`http://localhost/api/uploads/${second}`, { method: "DELETE" }), {
      params: Promise.resolve({ id: String(second) }),
    });
    expect(res.status).toBe(200);
    const version = await readDataVersion(temp.db);
    expect((await readStoredLearning(temp.db, version))?.calibrations.map((c) => c.efficiency)).toEqual([6 / 67]);
    expect((await temp.db.select({ v: datasetLearning.dataVersion }).from(datasetLearning)).map((r) => r.v)).toEqual([version]);

    const learned = learnCalls();
    await planScenarioBody(temp.db, scenario);
    expect(learnCalls()).toBe(learned);
  });

  it("after concurrent uploads, holds the version the last of them left", async () => {
    await Promise.all([30, 40, 50].map((decode) => upload(phoneFileText(`concurrent ${decode}`, decode))));
    const version = await readDataVersion(temp.db);
    // Runs 10, 30, 40, 50 of the one variant: its best, 50 · 0.6 / 67.
    expect((await readStoredLearning(temp.db, version))?.calibrations.map((c) => c.efficiency)).toEqual([50 / (67 / 0.6)]);
    const learned = learnCalls();
    await planScenarioBody(temp.db, scenario);
    expect(learnCalls()).toBe(learned);
  });

  it("is learned by a reader when no writer stored it, and stored for the next", async () => {
    await temp.db.delete(datasetLearning);
    const version = await readDataVersion(temp.db);
    const other = openDatabase(temp.url);
    try {
      const learned = learnCalls();
      await loadCachedCatalogue(other.db);
      expect(learnCalls()).toBe(learned + 1);
      expect((await readStoredLearning(temp.db, version))?.calibrations.map((c) => c.efficiency)).toEqual([50 / (67 / 0.6)]);
    } finally {
      other.client.close();
    }
  });
});

describe("learning after a write on a large dataset", () => {
  it("runs in a worker thread: the write does not wait, and a reader meanwhile waits for it instead of learning", { timeout: 60_000 }, async () => {
    const temp = await createWorkerDatabase();
    try {
      await ingestPhoneRun(temp.db, "large", 30);
      const version = await readDataVersion(temp.db);
      const learned = learnCalls();
      // From 0 runs on, so this one-run dataset counts as large.
      await learnAfterCommit(temp.db, { offThread: true, offThreadFromRuns: 0 });
      // A reader of the new version, before or after the worker stored it: it learns nothing on this thread.
      const catalogue = await loadCachedCatalogue(temp.db);
      // 30 tok/s × 0.6 GB per token ÷ 67 GB/s.
      expect(catalogue.devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([{ runtime: "llama.cpp", efficiency: 18 / 67, variants: 1 }]);
      await learningSettled(temp.db);
      expect(learnCalls()).toBe(learned);
      const stored = await readStoredLearning(temp.db, version);
      expect(stored?.calibrations).toEqual([{ deviceId: "test-phone", runtime: "llama.cpp", efficiency: 18 / 67, variants: 1 }]);
      // What the worker stored is what learning the data here gives.
      expect(stored?.speedModel).toStrictEqual((await loadDatasetSnapshot(temp.db)).speedModel);
    } finally {
      temp.close();
    }
  });
});

describe("a learning worker that fails", () => {
  it("leaves the write as it is; the next reader learns for itself and stores it", { timeout: 60_000 }, async () => {
    const temp = await createTempDatabase();
    const empty = await createTempDatabase();
    // The worker opens a database without the data: its learning fails.
    vi.stubEnv("DATABASE_URL", `${empty.url}-missing-tables`);
    try {
      await ingestPhoneRun(temp.db, "failing", 30);
      const version = await readDataVersion(temp.db);
      await expect(learnAfterCommit(temp.db, { offThread: true, offThreadFromRuns: 0 })).resolves.toBeUndefined();
      await learningSettled(temp.db);
      expect(await readStoredLearning(temp.db, version)).toBeNull();
      const learned = learnCalls();
      const catalogue = await loadCachedCatalogue(temp.db);
      expect(learnCalls()).toBe(learned + 1);
      // 30 tok/s × 0.6 GB per token ÷ 67 GB/s.
      expect(catalogue.devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([{ runtime: "llama.cpp", efficiency: 18 / 67, variants: 1 }]);
      expect((await readStoredLearning(temp.db, version))?.calibrations.map((c) => c.efficiency)).toEqual([18 / 67]);
    } finally {
      vi.unstubAllEnvs();
      temp.close();
      empty.close();
    }
  });
});

describe("the failing runs stored with the learning", () => {
  it("are checked by the learning worker, and /benchmarks' flagged runs are read from them", { timeout: 60_000 }, async () => {
    const temp = await createWorkerDatabase();
    try {
      for (const [title, decode] of [["slow", 30], ["too fast", 300]] as const) {
        await ingestPhoneRun(temp.db, title, decode);
      }
      await learnAfterCommit(temp.db, { offThread: true, offThreadFromRuns: 0 });
      await learningSettled(temp.db);
      const version = await readDataVersion(temp.db);
      const stored = (await readStoredLearning(temp.db, version))?.failingRuns;
      // The bandwidth bound: 67 GB/s ÷ 0.6 GB per token = 111.7 tok/s; 300 is over it, 30 is not.
      expect(stored?.map(([id]) => id)).toEqual([2]);
      expect(stored?.[0]?.[1].map((f) => f.check)).toEqual(["bandwidth-bound"]);
      expect(stored).toEqual(await checkEveryRun(temp.db, await listDatasetFindings(temp.db)));

      const dataset = await listDatasetFindings(temp.db);
      const flagged = await listFlaggedRuns(temp.db, {}, dataset, 10);
      expect(flagged.total).toBe(1);
      expect(flagged.runs.map((r) => [r.run.id, r.findings])).toEqual([[2, stored?.[0]?.[1]]]);
      // Read, not checked again: the stored row is what the list says, even where it is emptied by hand.
      await temp.db.update(datasetDigest).set({ json: "[]" }).where(and(eq(datasetDigest.dataVersion, version), eq(datasetDigest.part, "failingRuns")));
      // (Another connection: this one keeps what it read until the next write.)
      const other = openDatabase(temp.url);
      try {
        expect((await listFlaggedRuns(other.db, { device: "test-phone" }, dataset, 10)).total).toBe(0);
      } finally {
        other.client.close();
      }
    } finally {
      temp.close();
    }
  });
});

describe("learning again at a start", () => {
  it("replaces the current version's row an earlier build stored", async () => {
    const temp = await createTempDatabase();
    try {
      await ingestPhoneRun(temp.db, "start", 10);
      const version = await readDataVersion(temp.db);
      // A row shaped as some other build wrote it.
      await temp.db.insert(datasetLearning).values({ dataVersion: version, learnedJson: '{"calibrations":[],"speedModel":{"old":true}}', learnedAt: "2026-01-01" });
      await relearnStoredLearning(temp.db);
      const stored = await readStoredLearning(temp.db, version);
      expect(stored?.speedModel).toStrictEqual((await loadDatasetSnapshot(temp.db)).speedModel);
    } finally {
      temp.close();
    }
  });
});

describe("the stored learning of the seed dataset", () => {
  it("reads back exactly what learning the seed gives (JSON keeps every figure)", { timeout: 60_000 }, async () => {
    const temp = await createSeededTempDatabase();
    try {
      await learnAfterWrite(temp.db);
      const stored = await readStoredLearning(temp.db, await readDataVersion(temp.db));
      const fresh = await loadDatasetSnapshot(temp.db);
      expect(stored?.speedModel).toStrictEqual(fresh.speedModel);
      expect(stored?.calibrations.length).toBeGreaterThan(0);
      const byKey = (a: { deviceId: string; runtime: string }, b: { deviceId: string; runtime: string }) =>
        `${a.deviceId} ${a.runtime}` < `${b.deviceId} ${b.runtime}` ? -1 : 1;
      const freshCalibrations = fresh.devices.flatMap((d) => (d.calibrations ?? []).map((c) => ({ deviceId: d.id, ...c })));
      expect(freshCalibrations.sort(byKey)).toStrictEqual([...(stored?.calibrations ?? [])].sort(byKey));
    } finally {
      temp.close();
    }
  });
});
