/**
 * The app at 100k runs, against baselines measured in the same run:
 *
 *   npm run bench:scale [-- --runs 100000] [--files 10] [--upload 50000]
 *
 * 1. Ingest: a seeded database in a temporary folder gets --runs synthetic runs (the
 *    seed's devices and variants, deterministic values) as --files native files, each
 *    through the upload route's own steps (import, preview with its checks and duplicate
 *    look-up, commit in a transaction); a second seeded database gets the same rows by a
 *    raw drizzle batch() of inserts, file by file in turn with the upload path. Prints
 *    each step ÷ raw, ingest (preview + commit) ÷ raw and the whole path ÷ raw, by the wall
 *    clock and by the process's CPU time. --ingest-only stops there.
 * 2. Reads at that size: p95 of typical GET /api/benchmarks filters and of GET
 *    /benchmarks (sequential, a quiet server), GET /plan's HTML size (raw and gzip) and
 *    time, POST /api/plan's throughput ÷ GET /api/health's at 16 connections.
 * 3. A write under reads: POST /api/plan and GET /api/health p99 with 2 clients each at
 *    once, idle and then while one --upload-run file is being uploaded
 *    (scripts/bench/reads-during-upload.ts); prints during ÷ idle and any answer but 200.
 * Loopback only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { openDatabase, type Database } from "@/db/client";
import { commitUpload } from "@/db/queries/uploads";
import { previewFile } from "@/lib/use-cases/upload";
import { withWriteLock } from "@/db/write-lock";
import { importText } from "@/lib/importers/detect";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { startApp } from "./bench/app-server";
import { numberFlag } from "./bench/flags";
import { load, request, type Target } from "./bench/load";
import { describeRatio, readsDuringUpload } from "./bench/reads-during-upload";
import { insertRunsRaw, nativeFile, syntheticRuns } from "./bench/synthetic-runs";
import { planThroughputLine, printTypicalReads } from "./bench/print-reads";
import { runScript } from "./bench/run-script";

const RUNS = numberFlag("runs", 100_000);
const FILES = numberFlag("files", 10);
const UPLOAD = numberFlag("upload", 50_000);
/** --keep leaves the temporary folder (its app.db has the --runs runs) for scripts/bench-reads.ts. */
const KEEP = process.argv.includes("--keep");
/** --ingest-only stops after the ingest part (no server, no reads). */
const INGEST_ONLY = process.argv.includes("--ingest-only");
const root = process.cwd();
const scenario = readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8");

/** Wall-clock and CPU time (this process, all threads): on a shared machine the CPU time moves less with the neighbours' load. */
interface Spent {
  wallMs: number;
  cpuMs: number;
}

const nothingSpent = (): Spent => ({ wallMs: 0, cpuMs: 0 });

async function timed<T>(into: Spent, work: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await work();
  } finally {
    const used = process.cpuUsage(cpu);
    into.wallMs += performance.now() - wall;
    into.cpuMs += (used.user + used.system) / 1000;
  }
}

interface IngestTimes {
  import: Spent;
  preview: Spent;
  commit: Spent;
}

/** Through the upload route's own steps, in process: import (parse, validate), preview (checks, duplicates), commit. */
async function ingestThroughUploadPath(db: Database, text: string, total: IngestTimes): Promise<void> {
  const imported = await timed(total.import, async () => importText(text, { source: { kind: "upload" } }));
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);
  const preview = await timed(total.preview, () => previewFile(db, imported.file));
  const contentHash = createHash("sha256").update(text).digest("hex");
  await timed(total.commit, () =>
    withWriteLock(() =>
      db.transaction((tx) =>
        commitUpload(tx, imported.file, { format: "native", contentHash, duplicateRows: preview.duplicateRows, runKeys: preview.runKeys }),
      ),
    ),
  );
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-scale-"));
  const appUrl = `file:${join(dir, "app.db")}`;
  const rawUrl = `file:${join(dir, "raw.db")}`;
  const stops: (() => void)[] = [];
  try {
    let deviceIds: string[] = [];
    let variantIds: string[] = [];
    for (const url of [appUrl, rawUrl]) {
      const { db, client } = openDatabase(url);
      await migrateDatabase(db);
      await seedDatabase(db);
      deviceIds = (await client.execute("select id from devices order by id")).rows.map((r) => String(r.id));
      variantIds = (await client.execute("select id from variants order by id")).rows.map((r) => String(r.id));
      client.close();
    }
    const runs = syntheticRuns(RUNS, 1, deviceIds, variantIds);
    const perFile = Math.ceil(RUNS / FILES);

    // File by file, the raw insert and the upload path alternate, so that a machine
    // whose load changes during the run weighs on both alike.
    const appDb = openDatabase(appUrl);
    const rawDb = openDatabase(rawUrl);
    const ingest: IngestTimes = { import: nothingSpent(), preview: nothingSpent(), commit: nothingSpent() };
    const raw = nothingSpent();
    for (let f = 0; f < FILES; f++) {
      const slice = runs.slice(f * perFile, (f + 1) * perFile);
      await timed(raw, () => insertRunsRaw(rawDb.db, slice, `raw ${f}`));
      await ingestThroughUploadPath(appDb.db, nativeFile(`bench ${f}`, slice), ingest);
    }
    appDb.client.close();
    rawDb.client.close();
    const sum = (...parts: Spent[]): Spent => ({ wallMs: parts.reduce((t, p) => t + p.wallMs, 0), cpuMs: parts.reduce((t, p) => t + p.cpuMs, 0) });
    const row = (label: string, spent: Spent) =>
      console.log(
        `${label.padEnd(38)}${spent.wallMs.toFixed(0).padStart(9)}${(spent.wallMs / raw.wallMs).toFixed(2).padStart(8)}×${spent.cpuMs.toFixed(0).padStart(9)}${(spent.cpuMs / raw.cpuMs).toFixed(2).padStart(8)}×`,
      );
    console.log(`bench:scale, ${RUNS} runs in ${FILES} files`);
    console.log(`${"".padEnd(38)}  wall ms  ÷ raw    cpu ms  ÷ raw`);
    row("raw batch() insert of the same rows", raw);
    row("upload path: import (parse, validate)", ingest.import);
    row("             preview (checks, dups)", ingest.preview);
    row("             commit", ingest.commit);
    row("ingest (preview + commit)", sum(ingest.preview, ingest.commit));
    row("whole upload path", sum(ingest.import, ingest.preview, ingest.commit));
    if (INGEST_ONLY) return;

    const app = await startApp(root, appUrl);
    stops.push(app.stop);
    const base = new URL(app.baseUrl);
    const agent = new http.Agent({ keepAlive: true });
    console.log(`served by ${base.origin}`);

    const get = (path: string): Target => ({ method: "GET", path });
    await printTypicalReads(app.baseUrl);
    const planPage = await request(agent, base, get("/plan"), 600_000, true);
    console.log(
      `GET /plan: ${ms(planPage.ms)}, ${(planPage.bytes / 1024).toFixed(0)} KB HTML, ${(gzipSync(planPage.body ?? "").length / 1024).toFixed(0)} KB gzip (status ${planPage.status})`,
    );

    await load(app.baseUrl, { method: "POST", path: "/api/plan", body: scenario }, 2, 1);
    const health16 = await load(app.baseUrl, get("/api/health"), 16, 5);
    const plan16 = await load(app.baseUrl, { method: "POST", path: "/api/plan", body: scenario }, 16, 5);
    console.log(`\n16 connections × 5 s: ${planThroughputLine(health16, plan16)}`);

    // confirm=1: the seed's own contradictory variants (e.g. 890 MB for a 7B model) would hold their synthetic runs back.
    const reads = await readsDuringUpload(app.baseUrl, {
      scenario,
      uploadPath: "/api/uploads?confirm=1",
      uploadBody: nativeFile("bench upload under reads", syntheticRuns(UPLOAD, 2, deviceIds, variantIds)),
      idleSeconds: 10,
    });
    console.log(`\n2 plan + 2 health clients, idle and during a ${UPLOAD}-run upload (${ms(reads.upload.ms)}, status ${reads.upload.status}):`);
    console.log(`  POST /api/plan  ${describeRatio(reads.idle.plan, reads.during.plan)}`);
    console.log(`  GET /api/health ${describeRatio(reads.idle.health, reads.during.health)}`);
    agent.destroy();
  } finally {
    for (const stop of stops) stop();
    if (KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
