/**
 * Throughput and latency of the API and the heavy pages against GET /api/health,
 * measured in the same run on the same server:
 *
 *   npm run bench:api [-- --seconds 5] [--connections 16,200] [--url http://127.0.0.1:3000]
 *
 * Without --url it serves the production build (built first when missing) over a fresh
 * seeded database in a temporary folder. Each route is loaded by N closed-loop clients
 * for --seconds; it prints requests/s and its ratio to health's at the same N, p50 and
 * p99 and p99's ratio to health's, and errors by status (a deliberate 429 or 503 is
 * listed as such). First it prints each page's first-load JavaScript (gzip) and whether
 * any of it carries Recharts or zod's JSON Schema generator. Loopback only; bounded:
 * routes × connection counts × seconds.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type AppServer } from "./bench/app-server";
import { pageWeight } from "./bench/page-weight";
import { flag } from "./bench/flags";
import { formatErrors, load, request, type LoadResult, type Target } from "./bench/load";
import http from "node:http";
import { runScript } from "./bench/run-script";

const seconds = Number(flag("seconds") ?? 5);
const connectionCounts = (flag("connections") ?? "16,200").split(",").map(Number);
const root = process.cwd();
const scenario = readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8");

async function shareId(baseUrl: string): Promise<string> {
  const answer = await request(new http.Agent(), new URL(baseUrl), { method: "POST", path: "/api/scenarios", body: scenario }, 30_000, true);
  if (answer.status !== 201 || !answer.body) throw new Error(`POST /api/scenarios answered ${answer.status}`);
  return (JSON.parse(answer.body) as { id: string }).id;
}

function line(name: string, n: number, r: LoadResult, health: LoadResult): string {
  const cols = [
    name.padEnd(26),
    String(n).padStart(4),
    r.perSecond.toFixed(1).padStart(8),
    `${((100 * r.perSecond) / health.perSecond).toFixed(1)} %`.padStart(9),
    r.p50Ms.toFixed(1).padStart(8),
    r.p99Ms.toFixed(1).padStart(8),
    `${(r.p99Ms / health.p99Ms).toFixed(1)}×`.padStart(8),
    `  ${formatErrors(r.errors)}`,
  ];
  return cols.join(" ");
}

async function main(): Promise<void> {
  let server: AppServer | null = null;
  let dir: string | null = null;
  let baseUrl = flag("url");
  if (!baseUrl) {
    dir = mkdtempSync(join(tmpdir(), "bench-api-"));
    server = await startApp(root, `file:${join(dir, "bench.db")}`);
    baseUrl = server.baseUrl;
  }
  try {
    const id = await shareId(baseUrl);
    const targets: [string, Target][] = [
      ["GET /api/health", { method: "GET", path: "/api/health" }],
      ["POST /api/plan", { method: "POST", path: "/api/plan", body: scenario }],
      // The same scenario again on the same data is answered with the stored id: 200, not 201.
      ["POST /api/scenarios", { method: "POST", path: "/api/scenarios", body: scenario, expect: [200, 201] }],
      ["GET /s/{id}", { method: "GET", path: `/s/${id}` }],
      ["GET /api/benchmarks?device", { method: "GET", path: "/api/benchmarks?device=samsung-s23" }],
      ["GET /benchmarks", { method: "GET", path: "/benchmarks" }],
    ];
    console.log(`first-load JavaScript per page (gzip; charts loaded after paint not counted)`);
    for (const path of ["/", "/plan", `/s/${id}`, "/benchmarks", "/pricing", "/upload"]) {
      const w = await pageWeight(baseUrl, path, ["toJSONSchema", "recharts"]);
      const found = Object.entries(w.found).map(([k, n]) => `${k} in ${n}`).join(", ");
      console.log(
        `  ${path.padEnd(14).slice(0, 14)} ${(w.scriptGzipBytes / 1024).toFixed(1).padStart(7)} KB in ${String(w.scripts).padStart(2)} scripts, HTML ${(w.htmlGzipBytes / 1024).toFixed(1)} KB${found ? ` (${found})` : ""}`,
      );
    }
    console.log(`\nbench:api on ${baseUrl}, ${seconds} s per route and connection count`);
    console.log(
      `${"route".padEnd(26)} ${"conn".padStart(4)} ${"req/s".padStart(8)} ${"÷health".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"p99÷hl".padStart(8)}   errors`,
    );
    for (const n of connectionCounts) {
      // Warm every route (compilation of the route's chunks, the snapshot cache) before timing.
      for (const [, target] of targets) await load(baseUrl, target, 2, 0.5);
      let health: LoadResult | null = null;
      for (const [name, target] of targets) {
        const result = await load(baseUrl, target, n, seconds);
        health ??= result;
        console.log(line(name, n, result, health));
      }
    }
  } finally {
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
