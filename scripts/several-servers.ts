/**
 * Three app servers (`server/start.mjs`) on one database file, uploads sent through all of
 * them at once: every upload must land and none may answer SQLITE_BUSY (or any 5xx).
 * Needs a build (`npm run build`). Uses a fresh seeded database in a temporary folder.
 *
 *   npm run check:several-servers -- [uploads=30] [runs per upload=500]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { freePort, waitForHealth } from "./bench/app-server";
import { distinctRuns, nativeFile } from "./bench/synthetic-runs";

const uploads = Number(process.argv[2] ?? 30);
const runsPerUpload = Number(process.argv[3] ?? 500);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "several-servers-"));
  const url = `file:${join(dir, "app.db")}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ENV: "production" };
  const servers: ChildProcess[] = [];
  try {
    const migrated = spawnSync("node_modules/.bin/tsx", ["db/migrate.ts", "--seed-if-empty"], { env, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
    const ports = [await freePort(), await freePort(), await freePort()];
    for (const port of ports) {
      servers.push(spawn("node", ["server/start.mjs", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] }));
    }
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(bases.map((b, i) => waitForHealth(b, servers[i]!, 60_000)));
    const countRuns = async () => {
      const client = createClient({ url });
      try {
        return Number((await client.execute("select count(*) as n from benchmark_runs")).rows[0]!.n);
      } finally {
        client.close();
      }
    };
    const runsBefore = await countRuns();

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: uploads }, async (_, i) => {
        const body = nativeFile(`server upload ${i}`, distinctRuns(runsPerUpload, 10 + i, 0.0001));
        const response = await fetch(`${bases[i % 3]}/api/uploads?name=server-${i}.json`, { method: "POST", body });
        const text = await response.text();
        return { server: i % 3, status: response.status, busy: /SQLITE_BUSY|database is locked/i.test(text) };
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const runs = (await countRuns()) - runsBefore;
    const client = createClient({ url });
    const mode = (await client.execute("PRAGMA journal_mode")).rows[0]!.journal_mode;
    client.close();

    const byStatus: Record<number, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    console.log(`3 servers, ${uploads} uploads of ${runsPerUpload} runs at once, in ${seconds.toFixed(1)} s; journal_mode ${mode}`);
    console.log(`answers by status: ${JSON.stringify(byStatus)}; SQLITE_BUSY in ${answers.filter((a) => a.busy).length}`);
    console.log(`runs stored ${runs} of ${uploads * runsPerUpload} expected`);
    const ok = answers.every((a) => a.status === 201) && runs === uploads * runsPerUpload;
    console.log(ok ? "all landed" : "FAILED");
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
