/**
 * The read path on an existing database (e.g. the 100k-run file `npm run bench:scale --
 * --keep` leaves), without building it again:
 *
 *   npx tsx scripts/bench-reads.ts <database file> [--seconds 5] [--writes]
 *
 * Serves the production build over a copy of the file (the copy is migrated; the original
 * is left alone) and prints, each against GET /api/health measured in the same run:
 * 1. p50/p95 of typical GET /api/benchmarks filters and of GET /benchmarks (sequential);
 * 2. POST /api/plan's throughput ÷ health's at 16 connections (health, plan, health, plan),
 *    then with a scenario no request asked before (its MAU counts up): a plan not kept;
 * 3. after a one-run upload: the upload's time, then the first POST /api/plan, GET /plan and a
 *    filtered GET /benchmarks (what a reader waits for once data has changed); `--uploads n`
 *    repeats it n times and prints the medians, `--uploads-only` skips 1 and 2.
 * `--writes` prints only: the first GET /benchmarks after the start against health's p50, then a
 * one-run upload and its deletion while two clients time GET /api/health, health p99 during ÷
 * idle (scripts/bench/writes-under-reads.ts).
 * Loopback only.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./bench/app-server";
import { load, percentile, request, sequential, type Target } from "./bench/load";
import { formatWritesUnderReads, writesUnderReads } from "./bench/writes-under-reads";
import { planThroughputLine, printTypicalReads } from "./bench/print-reads";
import { nativeFile } from "./bench/synthetic-runs";
import { runScript } from "./bench/run-script";

const file = process.argv[2];
const at = process.argv.indexOf("--seconds");
const SECONDS = at >= 0 ? Number(process.argv[at + 1]) : 5;
const WRITES_ONLY = process.argv.includes("--writes");
const UPLOADS_ONLY = process.argv.includes("--uploads-only");
const atUploads = process.argv.indexOf("--uploads");
const UPLOADS = atUploads >= 0 ? Number(process.argv[atUploads + 1]) : 1;
const root = process.cwd();
const scenario = readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8");
const get = (path: string): Target => ({ method: "GET", path });
const planTarget: Target = { method: "POST", path: "/api/plan", body: scenario };
/** A filtered /benchmarks: its facets come from the run combinations (db/queries/benchmark-facets.ts). */
const FILTERED_PAGE = "/benchmarks?device=samsung-s23";

function oneRunFile(title: string): string {
  return nativeFile(title, [
    { deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 1.23 },
  ]);
}

/** POST /api/plan from `connections` clients for `seconds`, every scenario a new one (MAU + n). */
async function distinctPlans(baseUrl: string, connections: number, seconds: number) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  const parsed = JSON.parse(scenario) as { traffic: { monthlyActiveUsers: number } };
  const times: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const body = JSON.stringify({ ...parsed, traffic: { ...parsed.traffic, monthlyActiveUsers: parsed.traffic.monthlyActiveUsers + ++n } });
      const answer = await request(agent, base, { method: "POST", path: "/api/plan", body }, 10_000);
      times.push(answer.ms);
      if (answer.status !== 200) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  times.sort((a, b) => a - b);
  return { perSecond: times.length / ((performance.now() - started) / 1000), p50Ms: percentile(times, 50), errors };
}

/**
 * UPLOADS rounds of: health's p50 on a quiet server, a one-run upload, then the first POST
 * /api/plan, GET /plan and filtered GET /benchmarks after it, and that filtered page again
 * LEARNING_WAIT_MS later, once the learning worker has stored the new version's digest (what
 * was read from the previous version's meanwhile is read again), each ÷ that p50; with several
 * rounds, the medians.
 */
async function afterUploads(baseUrl: string): Promise<void> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  const rows: { health: number; plan: number; page: number; filtered: number; learned: number }[] = [];
  console.log(`\nafter a one-run upload: the first POST /api/plan, GET /plan, then GET ${FILTERED_PAGE}, and it again ${LEARNING_WAIT_MS / 1000} s later; ms (÷ health's p50)`);
  for (let round = 1; round <= UPLOADS; round++) {
    const quiet = await sequential(baseUrl, get("/api/health"), 20);
    const uploaded = await request(agent, base, { method: "POST", path: "/api/uploads", body: oneRunFile(`bench-reads ${Date.now()}`) }, 600_000);
    const answers = [await request(agent, base, planTarget, 600_000), await request(agent, base, get("/plan"), 600_000), await request(agent, base, get(FILTERED_PAGE), 600_000)];
    await new Promise((resolve) => setTimeout(resolve, LEARNING_WAIT_MS));
    answers.push(await request(agent, base, get(FILTERED_PAGE), 600_000));
    const health = percentile(quiet.times, 50);
    const [plan, page, filtered, learned] = answers.map((a) => a.ms) as [number, number, number, number];
    rows.push({ health, plan, page, filtered, learned });
    const statuses = [uploaded, ...answers].filter((a) => a.status !== (a === uploaded ? 201 : 200));
    console.log(
      `  round ${round}: upload ${uploaded.ms.toFixed(0)} ms, health p50 ${health.toFixed(1)} ms; plan ${ratioOf(plan, health)}, /plan ${ratioOf(page, health)}, filtered /benchmarks ${ratioOf(filtered, health)}, again ${ratioOf(learned, health)}${statuses.length ? `; unexpected status ${statuses.map((a) => a.status).join(", ")}` : ""}`,
    );
  }
  if (rows.length > 1) {
    const median = (pick: (r: (typeof rows)[number]) => number) => percentile(rows.map(pick).sort((a, b) => a - b), 50);
    const health = median((r) => r.health);
    console.log(`  medians: health p50 ${health.toFixed(1)} ms; plan ${ratioOf(median((r) => r.plan), health)}, /plan ${ratioOf(median((r) => r.page), health)}, filtered /benchmarks ${ratioOf(median((r) => r.filtered), health)}, again ${ratioOf(median((r) => r.learned), health)}`);
  }
  agent.destroy();
}

/** Longer than the learning worker takes at 100k runs on this machine under load. */
const LEARNING_WAIT_MS = 40_000;

const ratioOf = (ms: number, healthMs: number) => `${ms.toFixed(1)} ms (${(ms / healthMs).toFixed(0)}×)`;

async function main(): Promise<void> {
  if (!file) throw new Error("usage: tsx scripts/bench-reads.ts <database file> [--seconds 5]");
  const dir = mkdtempSync(join(tmpdir(), "bench-reads-"));
  let stop = () => {};
  try {
    copyFileSync(file, join(dir, "app.db"));
    const started = performance.now();
    const app = await startApp(root, `file:${join(dir, "app.db")}`);
    stop = app.stop;
    console.log(`served by ${app.baseUrl} (migrated and started in ${(performance.now() - started).toFixed(0)} ms)`);
    if (WRITES_ONLY) {
      // What a start leaves to the first reader: every cache of the server is empty.
      const firstBenchmarks = await request(new http.Agent(), new URL(app.baseUrl), get("/benchmarks"), 600_000);
      const quietHealth = await sequential(app.baseUrl, get("/api/health"), 20);
      const healthP50 = percentile(quietHealth.times, 50);
      console.log(
        `first GET /benchmarks after the start ${firstBenchmarks.ms.toFixed(0)} ms (status ${firstBenchmarks.status}) = ${(firstBenchmarks.ms / healthP50).toFixed(0)}× health's p50 (${healthP50.toFixed(1)} ms)`,
      );
      // Warm the routes once; the start stored the learning, so these learn nothing.
      await sequential(app.baseUrl, planTarget, 2);
      await sequential(app.baseUrl, get("/api/health"), 5);
      const r = await writesUnderReads(app.baseUrl, { uploadBody: oneRunFile(`bench-reads ${Date.now()}`), planBody: scenario, idleSeconds: 10 });
      console.log(formatWritesUnderReads(r));
      return;
    }
    if (UPLOADS_ONLY) {
      // The routes once each, as the sections before would have: their caches hold this version.
      for (const target of [planTarget, get("/plan"), get(FILTERED_PAGE)]) await sequential(app.baseUrl, target, 2);
      await afterUploads(app.baseUrl);
      return;
    }
    const health = await sequential(app.baseUrl, get("/api/health"), 40);
    await printTypicalReads(app.baseUrl, percentile(health.times, 95));

    await load(app.baseUrl, planTarget, 2, 1);
    console.log(`\n16 connections × ${SECONDS} s`);
    for (let round = 1; round <= 2; round++) {
      const h = await load(app.baseUrl, get("/api/health"), 16, SECONDS);
      const p = await load(app.baseUrl, planTarget, 16, SECONDS);
      console.log(`  round ${round}: ${planThroughputLine(h, p)}`);
    }

    const fresh = await distinctPlans(app.baseUrl, 16, SECONDS);
    const h = await load(app.baseUrl, get("/api/health"), 16, SECONDS);
    console.log(`  a new scenario each request: ${planThroughputLine(h, fresh)}`);

    await afterUploads(app.baseUrl);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
