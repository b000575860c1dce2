import { count, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as benchmarksGet } from "@/app/api/benchmarks/route";
import { DELETE as uploadDelete } from "@/app/api/uploads/[id]/route";
import { POST as uploadPost } from "@/app/api/uploads/route";
import { benchmarkRuns, devices, sources, variants } from "@/db/schema";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";
import { listCloudPrices } from "@/db/queries/prices";
import { listUploads } from "@/db/queries/uploads";
import { LLAMA_BENCH, OPENROUTER, readData, readFixture } from "../importers/files";

function upload(body: string, query = "", headers: Record<string, string> = {}): Promise<Response> {
  return uploadPost(new Request(`http://localhost/api/uploads${query}`, { method: "POST", body, headers }));
}
function remove(id: number | string, headers: Record<string, string> = {}): Promise<Response> {
  return uploadDelete(new Request(`http://localhost/api/uploads/${id}`, { method: "DELETE", headers }), {
    params: Promise.resolve({ id: String(id) }),
  });
}

/** One llama-bench pp512 + tg128 pair, as `-o json` writes it; `tg` makes each file distinct. */
function llamaBench(tg: number, extra: Record<string, unknown> = {}): string {
  const base = {
    build_commit: "6d69ab3f", build_number: 6726, cpu_info: "CPU", gpu_info: "", backends: "CPU",
    model_filename: "models/qwen3-1.7b-q4_0.gguf", model_type: "qwen3 1.7B Q4_0", model_size: 1_050_000_000,
    model_n_params: 1_720_000_000, n_threads: 8, n_gpu_layers: 0, flash_attn: 0, type_k: "f16", type_v: "f16",
    n_depth: 0, test_time: "2026-11-01T10:00:00Z", ...extra,
  };
  return JSON.stringify([
    { ...base, n_prompt: 512, n_gen: 0, avg_ts: 101.5, stddev_ts: 1 },
    { ...base, n_prompt: 0, n_gen: 128, avg_ts: tg, stddev_ts: 0.2 },
    { ...base, n_prompt: 512, n_gen: 128, avg_ts: 77.7, stddev_ts: 0.5 },
  ]);
}

describe("POST /api/uploads", () => {
  let temp: TempDatabase;
  async function counts() {
    const [s] = await temp.db.select({ n: count() }).from(sources);
    const [r] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const [d] = await temp.db.select({ n: count() }).from(devices);
    const [v] = await temp.db.select({ n: count() }).from(variants);
    return { sources: s?.n, runs: r?.n, devices: d?.n, variants: v?.n };
  }
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());
  afterEach(() => {
    delete process.env.ADMIN_TOKEN;
  });

  it("asks for the device when a llama-bench file does not name one", async () => {
    const before = await counts();
    const res = await upload(llamaBench(20.25));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.deviceRequired).toBe(true);
    expect(body.format).toBe("llama-bench");
    expect(await counts()).toEqual(before);
  });

  it("previews without writing, then commits the run with tg avg_ts as decode (never the pp+tg row)", async () => {
    const before = await counts();
    const preview = await (await upload(llamaBench(20.25), "?dryRun=1&device=samsung-s23")).json();
    expect(preview).toMatchObject({ dryRun: true, uploadId: null, runsAdded: 1, duplicates: 0 });
    // The file's model is the dataset's qwen3-1.7b-q4_0, whose stored size (1.226 GB, from PocketPal's
    // weight buffers) wins: the S23's 67.2 GB/s ÷ 1.226 GB bounds decode at 54.81 tok/s; 20.25 ÷ 54.81 = 0.3694
    expect(preview.newVariants).toEqual([]);
    expect(preview.calibrations).toEqual([
      { deviceId: "samsung-s23", runtime: "llama.cpp", efficiency: expect.closeTo(20.25 / (67.2 / 1.226), 9), variants: 1 },
    ]);
    expect(await counts()).toEqual(before);

    const res = await upload(llamaBench(20.25), "?device=samsung-s23&name=my-s23.json");
    expect(res.status).toBe(201);
    const done = await res.json();
    expect(done.runsAdded).toBe(1);
    const listed = await (await benchmarksGet(new Request(`http://localhost/api/benchmarks?uploadId=${done.uploadId}`))).json();
    expect(listed.total).toBe(1);
    expect(listed.runs[0].metrics).toMatchObject({ decodeTokensPerSec: 20.25, prefillTokensPerSec: 101.5 });
    expect(listed.runs[0].status).toBe("measured");
    expect(listed.runs[0].source.kind).toBe("upload");
  });

  it("recognises the same file by its content hash and stores nothing twice", async () => {
    // The seed loaded this exact file already.
    const before = await counts();
    const res = await upload(readData(LLAMA_BENCH.gemmaJson), "?device=raspberry-pi-4");
    const body = await res.json();
    expect(body).toMatchObject({ alreadyUploaded: true, runsAdded: 0, duplicates: 1 });
    expect(await counts()).toEqual(before);
  });

  it("holds back a run above the bandwidth bound until the user confirms it, then stores it", async () => {
    // samsung-s23: 67.2 GB/s over the stored 1.226 GB of qwen3-1.7b-q4_0 bounds decode at 54.8 tok/s; 500 tok/s is impossible.
    const before = await counts();
    const preview = await upload(llamaBench(500), "?dryRun=1&device=samsung-s23");
    const commit = await upload(llamaBench(500), "?device=samsung-s23");
    // The preview answers what the commit answers: 422, the run held, nothing stored.
    expect([preview.status, commit.status]).toEqual([422, 422]);
    const [p, c] = [await preview.json(), await commit.json()];
    expect(p).toMatchObject({ confirmationRequired: true, runsAdded: 1, errors: [] });
    expect(p.held).toEqual([
      { where: "runs[0] (samsung-s23, qwen3-1.7b-q4_0)", code: "implausible", message: expect.stringMatching(/bandwidth/i) },
    ]);
    expect({ ...c, dryRun: true }).toEqual(p);
    expect(await counts()).toEqual(before);

    const confirmed = await upload(llamaBench(500), "?device=samsung-s23&confirm=1");
    expect(confirmed.status).toBe(201);
    const stored = await confirmed.json();
    expect(stored.held).toHaveLength(1);
    expect((await counts()).runs).toBe((before.runs ?? 0) + 1);
    // The stored run keeps its finding where runs are shown.
    const listed = await (await benchmarksGet(new Request(`http://localhost/api/benchmarks?uploadId=${stored.uploadId}`))).json();
    expect(listed.runs[0].metrics.decodeTokensPerSec).toBe(500);
    expect((await remove(stored.uploadId)).status).toBe(200);
  });

  it("deletes an upload and exactly the rows it added, new device included", async () => {
    const before = await counts();
    const newDevice = JSON.stringify({ id: "my-test-phone", name: "My <b>test</b> phone", memoryBandwidthGBps: 60, batteryWh: 16 });
    // A CUDA desktop's speed on a 60 GB/s phone is above the bandwidth bound: stored only when confirmed.
    const res = await upload(readFixture("llama-bench/2023-cuda-booleans.json"), `?newDevice=${encodeURIComponent(newDevice)}&confirm=1`);
    expect(res.status).toBe(201);
    const { uploadId, newDevices } = await res.json();
    expect(newDevices).toEqual(["my-test-phone"]);
    expect((await counts()).runs).toBe((before.runs ?? 0) + 1);
    const del = await remove(uploadId);
    expect(del.status).toBe(200);
    expect(await counts()).toEqual(before);
    expect((await remove(uploadId)).status).toBe(404);
  });

  it("stores a native file that calls itself research as an upload, deletable", async () => {
    const file = JSON.stringify({
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "research", title: "My lab notes" },
      runs: [{ deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_0", runtime: "MLC-LLM", status: "measured", decodeTokensPerSec: 12.5 }],
    });
    const res = await upload(file);
    expect(res.status).toBe(201);
    const { uploadId } = await res.json();
    const [source] = await temp.db.select().from(sources).where(eq(sources.id, uploadId));
    expect(source?.kind).toBe("upload");
    expect((await remove(uploadId)).status).toBe(200);
  });

  it("refuses to delete seed sources", async () => {
    expect((await remove(1)).status).toBe(404);
  });

  it("lands ten concurrent uploads whole", async () => {
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => upload(llamaBench(30 + i), "?device=poco-myron")),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const after = await counts();
    expect(after.runs).toBe((before.runs ?? 0) + 10);
    expect(after.sources).toBe((before.sources ?? 0) + 10);
  });

  it("stores the same file sent twice at once only once", async () => {
    const before = await counts();
    const [a, b] = await Promise.all([upload(llamaBench(55.5), "?device=poco-myron"), upload(llamaBench(55.5), "?device=poco-myron")]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const bodies = [await a.json(), await b.json()];
    expect(bodies.filter((x) => x.alreadyUploaded)).toHaveLength(1);
    expect((await counts()).runs).toBe((before.runs ?? 0) + 1);
  });

  it("needs the admin token when ADMIN_TOKEN is set", async () => {
    process.env.ADMIN_TOKEN = "s3cret";
    expect((await upload(llamaBench(21), "?device=samsung-s23")).status).toBe(401);
    expect((await upload(llamaBench(21), "?dryRun=1&device=samsung-s23", { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await upload(llamaBench(21), "?dryRun=1&device=samsung-s23", { authorization: "Bearer s3cret" })).status).toBe(200);
    expect((await remove(99999)).status).toBe(401);
  });

  it("imports a pricing feed as new price versions dated by the feed, keeping history", async () => {
    const before = await listCloudPrices(temp.db, { history: true });
    const res = await upload(readData(OPENROUTER), "?effectiveDate=2026-11-01&name=openrouter-models.json");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.format).toBe("openrouter");
    expect(body.pricesAdded).toBeGreaterThan(100);
    // "-1" (unknown) router prices are skipped with a reason, never stored as negative.
    expect(body.warnings.join("\n")).toMatch(/-1|unknown/i);
    const after = await listCloudPrices(temp.db, { history: true });
    expect(after.length).toBe(before.length + body.pricesAdded);
    expect(after.every((p) => p.outputUsdPerMTok >= 0 && (p.inputUsdPerMTok ?? 0) >= 0)).toBe(true);
    // Every earlier version is still there, unchanged.
    const afterById = new Map(after.map((p) => [p.id, p]));
    for (const p of before) expect(afterById.get(p.id)?.outputUsdPerMTok).toBe(p.outputUsdPerMTok);
    const current = await listCloudPrices(temp.db, { asOf: "2026-11-02" });
    expect(current.filter((p) => p.effectiveDate === "2026-11-01").length).toBeGreaterThan(100);
  });

  it("refuses a body over 20 MB before parsing", async () => {
    const res = await upload("x", "", { "content-length": String(21 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe("the broken-file corpus", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  const native = (runs: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "corpus" },
      runs,
      ...extra,
    });
  const run = { deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 10 };

  it.each([
    ["malformed JSON", '{"format": "edge-llm-benchmarks", "version": 1,', "(query)", /line 1/],
    ["a wrong type", native([{ ...run, decodeTokensPerSec: "fast" }]), "?device=x", /runs\[0\]\.decodeTokensPerSec/],
    ["a negative number", native([{ ...run, decodeTokensPerSec: -1 }]), "", /runs\[0\]\.decodeTokensPerSec/],
    ["a __proto__ key", '{"format":"edge-llm-benchmarks","version":1,"source":{"kind":"upload","title":"x"},"__proto__":{"admin":true}}', "", /__proto__/],
    ["a JSONL line broken halfway", `${llamaBench(20).slice(1, -1).split("},{").map((o, i, a) => (i === 0 ? `${o}}` : i === a.length - 1 ? `{${o}` : `{${o}}`)).join("\n")}\n{"n_prompt": 0, "n_gen": 128, "avg_ts": 1`, "?device=samsung-s23", /line 4/],
  ])("refuses %s with a located message and changes nothing", async (_label, body, query, where) => {
    const before = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const res = await upload(body, query === "(query)" ? "" : query);
    expect(res.status).toBe(422);
    const json = await res.json();
    const text = JSON.stringify(json.errors ?? json.error);
    expect(text).toMatch(where);
    expect(await temp.db.select({ n: count() }).from(benchmarkRuns)).toEqual(before);
  });
});

describe("bad uploads are located 422s in the preview and the commit alike", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  const native = (extra: Record<string, unknown>) =>
    JSON.stringify({ format: "edge-llm-benchmarks", version: 1, source: { kind: "upload", title: "bad refs" }, ...extra });
  const run = { deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 10 };
  const runCount = async () => (await temp.db.select({ n: count() }).from(benchmarkRuns))[0]?.n;

  async function both(body: string, query = "") {
    const before = await runCount();
    const preview = await upload(body, `?dryRun=1${query}`);
    const commit = await upload(body, query ? `?${query.slice(1)}` : "");
    expect(await runCount()).toBe(before);
    return { preview, commit, p: await preview.json(), c: await commit.json() };
  }

  it("names each unknown device, variant and model by its row, and the preview predicts the commit", async () => {
    const body = native({
      variants: [{ id: "ghost-q4", modelId: "ghost-model", quantization: "Q4_0" }],
      runs: [run, { ...run, deviceId: "no-such-phone" }, { ...run, variantId: "no-such-variant" }],
    });
    const { preview, commit, p, c } = await both(body);
    expect([preview.status, commit.status]).toEqual([422, 422]);
    expect(p.errors.map((e: { where: string }) => e.where)).toEqual(["runs[1].deviceId", "runs[2].variantId", "variants[0].modelId"]);
    expect(p.errors[0].message).toMatch(/unknown device "no-such-phone"/);
    expect({ ...c, dryRun: true }).toEqual(p);
  });

  it("refuses a ?device= the dataset does not have, with the run located", async () => {
    const { preview, commit, p } = await both(llamaBench(21), "&device=not-a-phone");
    expect([preview.status, commit.status]).toEqual([422, 422]);
    expect(p.errors[0]).toMatchObject({ where: "runs[0].deviceId", code: "unknown_reference" });
  });

  it.each([
    ["a battery of 1e-300 Wh", native({ devices: [{ id: "tiny-battery", name: "Tiny", batteryWh: 1e-300 }] }), /devices\[0\]\.batteryWh/],
    ["a run drawing 1e300 W", native({ runs: [{ ...run, powerW: 1e300 }] }), /runs\[0\]\.powerW/],
    ["a decode speed of 1e-300 tok/s", native({ runs: [{ ...run, decodeTokensPerSec: 1e-300 }] }), /runs\[0\]\.decodeTokensPerSec/],
    ["a javascript: source URL", JSON.stringify({ format: "edge-llm-benchmarks", version: 1, source: { kind: "upload", title: "x", url: "javascript:alert(1)" } }), /source\.url/],
  ])("refuses %s with the scenario schema's physical bounds", async (_label, body, where) => {
    const { preview, commit, p } = await both(body);
    expect([preview.status, commit.status]).toEqual([422, 422]);
    expect(JSON.stringify(p.errors)).toMatch(where);
  });

  it("refuses 100,000 nested arrays with a located message instead of overflowing the stack", async () => {
    const deep = native({ notes: JSON.parse("[".repeat(70) + "]".repeat(70)) }).replace(
      '"notes":' + "[".repeat(70),
      '"notes":' + "[".repeat(100_000),
    ).replace("]".repeat(70), "]".repeat(100_000));
    const { preview, commit, p } = await both(deep);
    expect([preview.status, commit.status]).toEqual([422, 422]);
    // 64 levels are allowed; the root object is level 0, so the array 63 levels under "notes" is the first refused.
    expect(p.errors[0].where).toBe(`notes${"[0]".repeat(63)}`);
    expect(p.errors[0].message).toMatch(/deeper than 64/);
  });

  it("lists each upload with its real run and price counts", async () => {
    // Two runs, no prices: the list once showed "Runs 1, Prices 1" for this, counting by the wrong id.
    const res = await upload(native({ runs: [run, { ...run, decodeTokensPerSec: 11 }] }));
    expect(res.status).toBe(201);
    const { uploadId } = await res.json();
    const listed = (await listUploads(temp.db)).find((u) => u.id === uploadId);
    expect(listed).toMatchObject({ runs: 2, prices: 0 });
  });
});
