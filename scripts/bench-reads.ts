/**
 * The read path on an existing database (e.g. the 100k-run file `npm run bench:scale --
 * --keep` leaves), without building it again:
 *
 *   npx tsx scripts/bench-reads.ts <database file> [--seconds 5] [--writes | --plans | --vs <build folder>]
 *
 * Serves the production build over a copy of the file (the copy is migrated; the original
 * is left alone) and prints, each against GET /api/health measured in the same run:
 * 1. p50/p95 of typical GET /api/benchmarks filters and of GET /benchmarks (sequential);
 * 2. POST /api/plan's throughput ÷ health's at 16 connections (health, plan, health, plan),
 *    then with a scenario no request asked before (its MAU counts up): a plan not kept
 *    (new scenarios, health, twice);
 * 3. after a one-run upload: the upload's time, then the first POST /api/plan, GET /plan and a
 *    filtered GET /benchmarks (what a reader waits for once data has changed); `--uploads n`
 *    repeats it n times and prints the medians, `--uploads-only` skips 1 and 2.
 * `--writes` prints only: the first GET /benchmarks after the start against health's p50, then a
 * one-run upload and its deletion while two clients time GET /api/health, health p99 during ÷
 * idle (scripts/bench/writes-under-reads.ts).
 * With each throughput, the server's CPU time per request (Linux: /proc), health's ÷ the plan's.
 * `--plans` prints only 2 (to compare builds in turns: `NEXT_DIST_DIR=<another build's folder>`
 * serves that build). `--vs <build folder>` (e.g. a copy of another commit's `.next`) serves that
 * build and this one at once, each on its own copy of the file, and loads both in the same
 * moments (16 connections each, a new scenario every request, then health), `--rounds` times
 * (default 6): each build's server CPU per request, and health's ÷ the plan's, per round and
 * their medians. Both builds share whatever else the machine runs, so the comparison holds on a
 * machine other work shares, where two runs one after the other do not.
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
import { listeningPid, processCpuMs } from "./bench/server-cpu";

const file = process.argv[2];
const at = process.argv.indexOf("--seconds");
const SECONDS = at >= 0 ? Number(process.argv[at + 1]) : 5;
const WRITES_ONLY = process.argv.includes("--writes");
const UPLOADS_ONLY = process.argv.includes("--uploads-only");
const atUploads = process.argv.indexOf("--uploads");
const UPLOADS = atUploads >= 0 ? Number(process.argv[atUploads + 1]) : 1;
const PLANS_ONLY = process.argv.includes("--plans");
const vsAt = process.argv.indexOf("--vs");
const VS_BUILD = vsAt >= 0 ? process.argv[vsAt + 1] : undefined;
const roundsAt = process.argv.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 6;
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

/** Scenarios asked so far: every call of distinctPlans goes on counting, so no scenario is asked twice. */
let scenariosAsked = 0;

/** POST /api/plan from `connections` clients for `seconds`, every scenario a new one (MAU + n). */
async function distinctPlans(baseUrl: string, connections: number, seconds: number) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  const parsed = JSON.parse(scenario) as { traffic: { monthlyActiveUsers: number } };
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const body = JSON.stringify({ ...parsed, traffic: { ...parsed.traffic, monthlyActiveUsers: parsed.traffic.monthlyActiveUsers + ++scenariosAsked } });
      const answer = await request(agent, base, { method: "POST", path: "/api/plan", body }, 10_000);
      times.push(answer.ms);
      if (answer.status !== 200) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  agent.destroy();
  times.sort((a, b) => a - b);
  return { requests: times.length, perSecond: times.length / ((performance.now() - started) / 1000), p50Ms: percentile(times, 50), errors };
}

/** Server CPU per request, µs, of a phase that sent `requests` to the server `pid`. */
async function cpuOf(pid: number, phase: () => Promise<{ requests: number }>): Promise<number> {
  const before = processCpuMs(pid);
  const { requests } = await phase();
  return ((processCpuMs(pid) - before) * 1000) / requests;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** `--vs`: this build and `otherBuild` served at once and loaded in the same moments. */
async function plansVs(otherBuild: string, dir: string, stops: (() => void)[]): Promise<void> {
  const builds = [
    { name: otherBuild, dist: otherBuild },
    { name: "this build", dist: process.env.NEXT_DIST_DIR ?? ".next" },
  ];
  const servers: { name: string; baseUrl: string; pid: number }[] = [];
  for (const [i, build] of builds.entries()) {
    copyFileSync(file!, join(dir, `app-${i}.db`));
    const env = process.env.NEXT_DIST_DIR;
    process.env.NEXT_DIST_DIR = build.dist;
    try {
      const app = await startApp(root, `file:${join(dir, `app-${i}.db`)}`);
      stops.push(app.stop);
      const pid = listeningPid(Number(new URL(app.baseUrl).port));
      if (pid === null) throw new Error("--vs reads the servers' CPU time from /proc (Linux)");
      servers.push({ name: build.name, baseUrl: app.baseUrl, pid });
    } finally {
      if (env === undefined) delete process.env.NEXT_DIST_DIR;
      else process.env.NEXT_DIST_DIR = env;
    }
  }
  const both = <R extends { requests: number }>(phase: (baseUrl: string) => Promise<R>) =>
    Promise.all(servers.map((server) => cpuOf(server.pid, () => phase(server.baseUrl))));
  // Warm-up: the first seconds of a server run cold code.
  await both((baseUrl) => distinctPlans(baseUrl, 16, SECONDS));
  await both((baseUrl) => load(baseUrl, get("/api/health"), 16, SECONDS));
  console.log(`\nboth builds at once, 16 connections each × ${SECONDS} s, a new scenario every request, then health; server CPU per request`);
  const ratios = servers.map(() => [] as number[]);
  const plans = servers.map(() => [] as number[]);
  for (let round = 1; round <= ROUNDS; round++) {
    const plan = await both((baseUrl) => distinctPlans(baseUrl, 16, SECONDS));
    const health = await both((baseUrl) => load(baseUrl, get("/api/health"), 16, SECONDS));
    const words = servers.map((server, i) => {
      plans[i]!.push(plan[i]!);
      ratios[i]!.push(health[i]! / plan[i]!);
      return `${server.name}: plan ${plan[i]!.toFixed(0)} µs, health ${health[i]!.toFixed(0)} µs = ${((100 * health[i]!) / plan[i]!).toFixed(1)} %`;
    });
    console.log(`  round ${round} (load ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}): ${words.join(" | ")}`);
  }
  servers.forEach((server, i) =>
    console.log(`  ${server.name}: median plan ${median(plans[i]!).toFixed(0)} µs, health ÷ plan ${(100 * median(ratios[i]!)).toFixed(1)} %`),
  );
  const perRound = plans[0]!.map((other, r) => other / plans[1]![r]!);
  console.log(`  plan CPU, ${builds[0]!.name} ÷ this build, per round: ${perRound.map((x) => x.toFixed(2)).join(", ")} (median ${median(perRound).toFixed(2)})`);
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
  if (VS_BUILD !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), "bench-reads-"));
    const stops: (() => void)[] = [];
    try {
      await plansVs(VS_BUILD, dir, stops);
    } finally {
      for (const stop of stops) stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
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
    const base = new URL(app.baseUrl);
    if (!PLANS_ONLY) {
      const health = await sequential(app.baseUrl, get("/api/health"), 40);
      await printTypicalReads(app.baseUrl, percentile(health.times, 95));
    }

    // The server's CPU time per request beside the throughput: other work on the machine moves the
    // throughput of one phase against the next far more than the CPU a request costs.
    const pid = listeningPid(Number(base.port));
    const cpuPerRequest = async <R extends { requests: number }>(phase: () => Promise<R>): Promise<R & { cpuUs: number }> => {
      const before = pid === null ? Number.NaN : processCpuMs(pid);
      const result = await phase();
      const after = pid === null ? Number.NaN : processCpuMs(pid);
      return { ...result, cpuUs: ((after - before) * 1000) / result.requests };
    };
    const cpuWords = (h: { cpuUs: number }, p: { cpuUs: number }) =>
      pid === null ? "" : `; server CPU per request: health ${h.cpuUs.toFixed(0)} µs, plan ${p.cpuUs.toFixed(0)} µs = ${((100 * h.cpuUs) / p.cpuUs).toFixed(1)} %`;

    await load(app.baseUrl, planTarget, 2, 1);
    console.log(`\n16 connections × ${SECONDS} s`);
    for (let round = 1; round <= 2; round++) {
      const h = await cpuPerRequest(() => load(app.baseUrl, get("/api/health"), 16, SECONDS));
      const p = await cpuPerRequest(() => load(app.baseUrl, planTarget, 16, SECONDS));
      console.log(`  round ${round}: ${planThroughputLine(h, p)}${cpuWords(h, p)}`);
    }

    for (let round = 1; round <= 2; round++) {
      const fresh = await cpuPerRequest(() => distinctPlans(app.baseUrl, 16, SECONDS));
      const h = await cpuPerRequest(() => load(app.baseUrl, get("/api/health"), 16, SECONDS));
      console.log(`  a new scenario each request, round ${round}: ${planThroughputLine(h, fresh)}${cpuWords(h, fresh)}`);
    }
    if (PLANS_ONLY) return;

    await afterUploads(app.baseUrl);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
