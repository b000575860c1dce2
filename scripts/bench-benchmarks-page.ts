/**
 * What GET /benchmarks costs to render, against GET /api/health in the same run:
 *
 *   npm run bench:benchmarks-page -- [<database file>] [--rounds 3] [--n 20] [--baseline <dir>]
 *
 * Serves the production build over a temporary seeded database (or a copy of the given
 * file, e.g. the 100k-run one `npm run bench:scale -- --keep` leaves) and times sequential
 * requests: health, then the page's default view, a filtered one and a 100-row page, in
 * rounds so that the shared machine's load falls on all of them. Prints p50/p95, p95 ÷
 * health's p95 of the same round and the HTML's bytes. With --baseline, a second build
 * (another checkout's directory, built) is served over its own copy of the same data and
 * measured in the same rounds, interleaved. Loopback only.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type AppServer } from "./bench/app-server";
import { percentile, sequential } from "./bench/load";
import { runScript } from "./bench/run-script";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--"));
const ROUNDS = Number(option("rounds") ?? 3);
const N = Number(option("n") ?? 20);
const baselineRoot = option("baseline");
const PATHS = ["/benchmarks", "/benchmarks?device=samsung-s23", "/benchmarks?size=100"];
const get = (path: string) => ({ method: "GET" as const, path });

async function serve(root: string, dir: string, name: string): Promise<AppServer> {
  if (file) copyFileSync(file, join(dir, `${name}.db`));
  return startApp(root, `file:${join(dir, `${name}.db`)}`);
}

async function round(label: string, app: AppServer, n: number): Promise<void> {
  const health = await sequential(app.baseUrl, get("/api/health"), N);
  const healthP95 = percentile(health.times, 95);
  const head = `${label.padEnd(9)} ${String(n).padStart(5)}`;
  console.log(`${head} ${"/api/health".padEnd(32)} ${percentile(health.times, 50).toFixed(1).padStart(8)} ${healthP95.toFixed(1).padStart(8)}`);
  for (const path of PATHS) {
    const r = await sequential(app.baseUrl, get(path), N);
    const p95 = percentile(r.times, 95);
    console.log(
      `${head} ${path.padEnd(32)} ${percentile(r.times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${(p95 / healthP95).toFixed(1).padStart(10)}× ${String(r.bytes).padStart(8)}${r.errors ? `  ${r.errors} errors` : ""}`,
    );
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-benchmarks-page-"));
  const servers: [string, AppServer][] = [];
  try {
    servers.push(["this", await serve(process.cwd(), dir, "this")]);
    if (baselineRoot) servers.push(["baseline", await serve(baselineRoot, dir, "baseline")]);
    for (const [, app] of servers) for (const path of ["/api/health", ...PATHS]) await sequential(app.baseUrl, get(path), 3);
    console.log(`${"build".padEnd(9)} round ${"path".padEnd(32)}   p50 ms   p95 ms  p95÷health    bytes`);
    for (let n = 1; n <= ROUNDS; n++) {
      // Alternating which build goes first, so neither always follows the other.
      const order = n % 2 ? servers : [...servers].reverse();
      for (const [label, app] of order) await round(label, app, n);
    }
  } finally {
    for (const [, app] of servers) app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
