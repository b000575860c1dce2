import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadPost } from "@/app/api/uploads/route";
import { benchmarkRuns } from "@/db/schema";
import { withWriteLock } from "@/db/write-lock";
import { readEnv } from "@/lib/env";
import { postUploadQuerySchema } from "@/lib/schemas/uploads";
import { uploadFile } from "@/lib/use-cases/upload";
import { UPLOAD_OFF_THREAD_FROM_BYTES, uploadFileOffThread } from "@/lib/use-cases/upload-off-thread";
import { useSeededAppDatabase } from "../helpers/app-db";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

/** `runs` distinct runs of the seed's poco-myron (decode speeds from `decodeFrom`, 0.001 apart), each with a 150-character note: ≈ 270 bytes a run. */
function nativeFile(title: string, runs: number, variantAt: (row: number) => string = () => "qwen3-1.7b-q4_0", decodeFrom = 1): string {
  return JSON.stringify({
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    runs: Array.from({ length: runs }, (_, i) => ({
      deviceId: "poco-myron",
      variantId: variantAt(i),
      runtime: "llama.cpp",
      status: "measured",
      decodeTokensPerSec: Number((decodeFrom + i * 0.001).toFixed(3)),
      notes: "n".repeat(150),
    })),
  });
}

const query = (q: Record<string, string> = {}) => postUploadQuerySchema.parse(q);

describe("a large upload, in a worker thread", { timeout: 120_000 }, () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());
  const runsOf = async (uploadId: number) =>
    (await temp.db.select({ n: count() }).from(benchmarkRuns).where(eq(benchmarkRuns.sourceId, uploadId)))[0]?.n;

  it("previews as the inline upload does, then the route commits it whole through the worker", async () => {
    const text = nativeFile("big file", 2_500);
    expect(text.length).toBeGreaterThanOrEqual(UPLOAD_OFF_THREAD_FROM_BYTES);
    const inline = await uploadFile(temp.db, { text, query: query({ dryRun: "1" }) });
    const offThread = await uploadFileOffThread({ text, query: query({ dryRun: "1" }) });
    expect(offThread).toEqual(inline);
    expect(offThread).toMatchObject({ status: 200, body: { runsAdded: 2_500, duplicates: 0, errors: [], held: [] } });

    const res = await uploadPost(new Request("http://localhost/api/uploads", { method: "POST", body: text }));
    expect(res.status).toBe(201);
    const stored = await res.json();
    expect(stored).toEqual({ ...inline.body, dryRun: false, uploadId: expect.any(Number) });
    expect(await runsOf(stored.uploadId)).toBe(2_500);
  });

  it("writes under the server's write lock: it waits while the server's other writers hold it", async () => {
    let release!: () => void;
    const held = withWriteLock(() => new Promise<void>((resolve) => (release = resolve)));
    let settled = false;
    const upload = uploadFileOffThread({ text: nativeFile("waits its turn", 2_500, undefined, 5), query: query() }).finally(() => {
      settled = true;
    });
    // Long enough for the worker to start, parse and check 2,500 runs and ask for the lock.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(settled).toBe(false);
    release();
    await held;
    const { status, body } = await upload;
    expect(status).toBe(201);
    expect(await runsOf(body.uploadId!)).toBe(2_500);
  });

  it("answers a located 422 for an unknown variant and stores nothing", async () => {
    const [before] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const text = nativeFile("unknown variant", 2_500, (i) => (i === 1234 ? "no-such-variant" : "qwen3-1.7b-q4_0"));
    const { status, body } = await uploadFileOffThread({ text, query: query() });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { where: "runs[1234].variantId", code: "unknown_reference", message: 'unknown variant "no-such-variant": neither this file nor the dataset has it' },
    ]);
    expect(await temp.db.select({ n: count() }).from(benchmarkRuns)).toEqual([before]);
  });

  it("stops for a client that has gone (499 from the route), storing nothing", async () => {
    const [before] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const gone = new AbortController();
    gone.abort();
    const text = nativeFile("gone", 2_500);
    await expect(uploadFileOffThread({ text, query: query(), signal: gone.signal })).rejects.toMatchObject({ name: "AbortError" });
    const res = await uploadPost(new Request("http://localhost/api/uploads", { method: "POST", body: text, signal: gone.signal }));
    expect(res.status).toBe(499);
    expect(await temp.db.select({ n: count() }).from(benchmarkRuns)).toEqual([before]);
  });

  it("hands the worker's own failure to the caller", async () => {
    // A database without tables: the worker's first query fails, and says why.
    const empty = await createTempDatabase().then(async (t) => {
      await t.db.$client.execute("drop table benchmark_runs");
      return t;
    });
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = empty.url;
    try {
      const failed = await uploadFileOffThread({ text: nativeFile("no table", 2_500), query: query() }).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(Error);
      expect((failed as Error).message).toMatch(/^Failed query: select "devices"/);
      expect(String((failed as Error).cause)).toMatch(/no such table: benchmark_runs/);
    } finally {
      process.env.DATABASE_URL = previous;
      empty.close();
    }
  });
});

describe("the upload worker's niceness", () => {
  it("reads UPLOAD_WORKER_NICENESS as a whole number 0–19 (default 10) and names a bad value", () => {
    expect(readEnv({}).UPLOAD_WORKER_NICENESS).toBe(10);
    expect(readEnv({ UPLOAD_WORKER_NICENESS: "0" }).UPLOAD_WORKER_NICENESS).toBe(0);
    expect(() => readEnv({ UPLOAD_WORKER_NICENESS: "20" })).toThrow("UPLOAD_WORKER_NICENESS must be a whole number, 0 to 19");
    expect(() => readEnv({ UPLOAD_WORKER_NICENESS: "low" })).toThrow("UPLOAD_WORKER_NICENESS must be a whole number, 0 to 19");
  });
});
