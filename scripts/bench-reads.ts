/**
 * The read path on an existing database (e.g. the 100k-run file `npm run bench:scale --
 * --keep` leaves), without building it again:
 *
 *   npx tsx scripts/bench-reads.ts <database file> [--seconds 5] [--writes | --plans | --vs <build folder>] [--uploads n] [--uploads-only] [--port n]
 *
 * Serves the production build over a copy of the file (the copy is migrated; the original
 * is left alone) and prints, each against GET /api/health measured in the same run:
 * 1. p50/p95 of typical GET /api/benchmarks filters and of GET /benchmarks (sequential);
 * 2. POST /api/plan's throughput ÷ health's at 16 connections (health, plan, health, plan),
 *    then with a scenario no request asked before (its MAU counts up): a plan not kept
 *    (new scenarios, health, twice);
 * 3. after a one-run upload: the upload's time, then the first POST /api/plan, GET /plan, a
 *    filtered GET /benchmarks and the same filter's GET /api/benchmarks (what a reader waits for
 *    once data has changed); `--uploads n` repeats it n times and prints the medians,
 *    `--uploads-only` skips 1 and 2; with `--vs <build folder>`, that build and this one in turns.
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
 * `--port n`: the server listens on n (with `--vs`, the other build on n and this one on n + 1).
 * Loopback only.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./bench/app-server";
import { flag, numberFlag } from "./bench/flags";
import { load, percentile, request, sequential, type Target } from "./bench/load";
import { formatWritesUnderReads, writesUnderReads } from "./bench/writes-under-reads";
import { planThroughputLine, printTypicalReads } from "./bench/print-reads";
import { nativeFile } from "./bench/synthetic-runs";
import { runScript } from "./bench/run-script";
import { listeningPid, processCpuMs } from "./bench/server-cpu";

const file = process.argv[2];
const SECONDS = numberFlag("seconds", 5);
const WRITES_ONLY = process.argv.includes("--writes");
const UPLOADS_ONLY = process.argv.includes("--uploads-only");
const UPLOADS = numberFlag("uploads", 1);
const PLANS_ONLY = process.argv.includes("--plans");
const VS_BUILD = flag("vs");
const ROUNDS = numberFlag("rounds", 6);
/** Where the servers listen (the second of `--vs` on the next port); a free port when not given. */
const PORT = flag("port") === undefined ? undefined : Number(flag("port"));
const root = process.cwd();
const scenario = readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8");
const get = (path: string): Target => ({ method: "GET", path });
const planTarget: Target = { method: "POST", path: "/api/plan", body: scenario };
/** A filtered /benchmarks: its facets come from the run combinations (db/queries/benchmark-facets.ts). */
const FILTERED_PAGE = "/benchmarks?device=samsung-s23";
/** The same filter's runs as the API answers them (a page of 1,000 with their checks). */
const FILTERED_API = "/api/benchmarks?device=samsung-s23";

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

interface Served {
  name: string;
  baseUrl: string;
  pid: number;
}

/** `otherBuild` and this build served at once, each on its own copy of the file. */
async function serveBoth(otherBuild: string, dir: string, stops: (() => void)[]): Promise<Served[]> {
  const builds = [
    { name: otherBuild, dist: otherBuild },
    { name: "this build", dist: process.env.NEXT_DIST_DIR ?? ".next" },
  ];
  const servers: Served[] = [];
  for (const [i, build] of builds.entries()) {
    copyFileSync(file!, join(dir, `app-${i}.db`));
    const env = process.env.NEXT_DIST_DIR;
    process.env.NEXT_DIST_DIR = build.dist;
    try {
      const app = await startApp(root, `file:${join(dir, `app-${i}.db`)}`, PORT === undefined ? undefined : PORT + i);
      stops.push(app.stop);
      const pid = listeningPid(Number(new URL(app.baseUrl).port));
      if (pid === null) throw new Error("--vs reads the servers' CPU time from /proc (Linux)");
      servers.push({ name: build.name, baseUrl: app.baseUrl, pid });
    } finally {
      if (env === undefined) delete process.env.NEXT_DIST_DIR;
      else process.env.NEXT_DIST_DIR = env;
    }
  }
  return servers;
}

/** `--vs`: this build and `otherBuild` served at once and loaded in the same moments. */
async function plansVs(otherBuild: string, dir: string, stops: (() => void)[]): Promise<void> {
  const servers = await serveBoth(otherBuild, dir, stops);
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
  console.log(`  plan CPU, ${servers[0]!.name} ÷ this build, per round: ${perRound.map((x) => x.toFixed(2)).join(", ")} (median ${median(perRound).toFixed(2)})`);
}

/** Longer than the learning worker takes at 100k runs on this machine under load. */
const LEARNING_WAIT_MS = 40_000;

/** What a reader waits for after one one-run upload (ms), and health's p50 on the quiet server before it. */
interface AfterUpload {
  health: number;
  upload: number;
  plan: number;
  page: number;
  filtered: number;
  api: number;
  learned: number;
  unexpected: (number | string)[];
}

/**
 * Health's p50 on a quiet server, a one-run upload, then the first POST /api/plan, GET /plan,
 * filtered GET /benchmarks and filtered GET /api/benchmarks after it, and that filtered page
 * again LEARNING_WAIT_MS later, once the learning worker has stored the new version's digest
 * (what was read from the previous version's meanwhile is read again).
 */
async function afterOneUpload(baseUrl: string): Promise<AfterUpload> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true });
  try {
    const quiet = await sequential(baseUrl, get("/api/health"), 20);
    const uploaded = await request(agent, base, { method: "POST", path: "/api/uploads", body: oneRunFile(`bench-reads ${Date.now()}`) }, 600_000);
    const answers = [];
    for (const target of [planTarget, get("/plan"), get(FILTERED_PAGE), get(FILTERED_API)]) answers.push(await request(agent, base, target, 600_000));
    await new Promise((resolve) => setTimeout(resolve, LEARNING_WAIT_MS));
    answers.push(await request(agent, base, get(FILTERED_PAGE), 600_000));
    const [plan, page, filtered, api, learned] = answers.map((a) => a.ms) as [number, number, number, number, number];
    const unexpected = [uploaded, ...answers].filter((a) => a.status !== (a === uploaded ? 201 : 200)).map((a) => a.status);
    return { health: percentile(quiet.times, 50), upload: uploaded.ms, plan, page, filtered, api, learned, unexpected };
  } finally {
    agent.destroy();
  }
}

function afterUploadLine(r: AfterUpload): string {
  return `upload ${r.upload.toFixed(0)} ms, health p50 ${r.health.toFixed(1)} ms; plan ${ratioOf(r.plan, r.health)}, /plan ${ratioOf(r.page, r.health)}, filtered /benchmarks ${ratioOf(r.filtered, r.health)}, /api/benchmarks ${ratioOf(r.api, r.health)}, /benchmarks again ${ratioOf(r.learned, r.health)}${r.unexpected.length ? `; unexpected status ${r.unexpected.join(", ")}` : ""}`;
}

/** The medians of several rounds, each figure ÷ the median of health's p50. */
function afterUploadMedians(rows: AfterUpload[]): string {
  const median = (pick: (r: AfterUpload) => number) => percentile(rows.map(pick).sort((a, b) => a - b), 50);
  const health = median((r) => r.health);
  return `health p50 ${health.toFixed(1)} ms; plan ${ratioOf(median((r) => r.plan), health)}, /plan ${ratioOf(median((r) => r.page), health)}, filtered /benchmarks ${ratioOf(median((r) => r.filtered), health)}, /api/benchmarks ${ratioOf(median((r) => r.api), health)}, /benchmarks again ${ratioOf(median((r) => r.learned), health)}`;
}

const AFTER_UPLOAD_HEADING = `after a one-run upload: the first POST /api/plan, GET /plan, GET ${FILTERED_PAGE}, GET ${FILTERED_API}, then the page again ${LEARNING_WAIT_MS / 1000} s later; ms (÷ health's p50)`;

/** UPLOADS rounds of afterOneUpload; with several, the medians. */
async function afterUploads(baseUrl: string): Promise<void> {
  console.log(`\n${AFTER_UPLOAD_HEADING}`);
  const rows: AfterUpload[] = [];
  for (let round = 1; round <= UPLOADS; round++) {
    rows.push(await afterOneUpload(baseUrl));
    console.log(`  round ${round}: ${afterUploadLine(rows.at(-1)!)}`);
  }
  if (rows.length > 1) console.log(`  medians: ${afterUploadMedians(rows)}`);
}

/**
 * `--uploads-only --vs`: afterOneUpload on `otherBuild` and on this build in turns, UPLOADS
 * rounds, the first of each round alternating (the other's learning worker has finished by then:
 * each round waits LEARNING_WAIT_MS); the medians of each, and the filtered pages' ratio.
 */
async function uploadsVs(otherBuild: string, dir: string, stops: (() => void)[]): Promise<void> {
  const servers = await serveBoth(otherBuild, dir, stops);
  // The routes once each: their caches hold this version, as after the typical reads.
  for (const server of servers) for (const target of [planTarget, get("/plan"), get(FILTERED_PAGE), get(FILTERED_API)]) await sequential(server.baseUrl, target, 2);
  console.log(`\n${AFTER_UPLOAD_HEADING}; the two builds in turns`);
  const rows = servers.map(() => [] as AfterUpload[]);
  for (let round = 1; round <= UPLOADS; round++) {
    for (const i of round % 2 === 1 ? [0, 1] : [1, 0]) {
      rows[i]!.push(await afterOneUpload(servers[i]!.baseUrl));
      console.log(`  round ${round}, ${servers[i]!.name} (load ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}): ${afterUploadLine(rows[i]!.at(-1)!)}`);
    }
  }
  servers.forEach((server, i) => console.log(`  ${server.name}, medians: ${afterUploadMedians(rows[i]!)}`));
  const ratios = (pick: (r: AfterUpload) => number) => rows[0]!.map((other, r) => pick(other) / pick(rows[1]![r]!));
  for (const [what, pick] of [
    ["filtered /benchmarks", (r: AfterUpload) => r.filtered],
    ["/api/benchmarks", (r: AfterUpload) => r.api],
  ] as const) {
    const each = ratios(pick);
    console.log(`  ${what}, ${servers[0]!.name} ÷ this build, per round: ${each.map((x) => x.toFixed(2)).join(", ")} (median ${median(each).toFixed(2)})`);
  }
}

const ratioOf = (ms: number, healthMs: number) => `${ms.toFixed(1)} ms (${(ms / healthMs).toFixed(0)}×)`;

async function main(): Promise<void> {
  if (!file) throw new Error("usage: tsx scripts/bench-reads.ts <database file> [--seconds 5]");
  if (VS_BUILD !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), "bench-reads-"));
    const stops: (() => void)[] = [];
    try {
      await (UPLOADS_ONLY ? uploadsVs : plansVs)(VS_BUILD, dir, stops);
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
    const app = await startApp(root, `file:${join(dir, "app.db")}`, PORT);
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
