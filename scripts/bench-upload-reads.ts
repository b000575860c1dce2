/**
 * Reads during a large upload, on its own (the third part of bench:scale, without
 * building 100k runs through the upload path first):
 *
 *   npm run bench:upload-reads [-- --runs 100000] [--upload 50000] [--idle 10]
 *
 * A seeded database in a temporary folder gets --runs synthetic runs by a raw batch
 * insert, the production build serves it, and two POST /api/plan and two GET
 * /api/health clients run idle and then while one --upload-run native file is
 * uploaded (scripts/bench/reads-during-upload.ts): p99 during ÷ idle. Loopback only.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { startApp } from "./bench/app-server";
import { numberFlag } from "./bench/flags";
import { describeRatio, readsDuringUpload } from "./bench/reads-during-upload";
import { insertRunsRaw, nativeFile, syntheticRuns } from "./bench/synthetic-runs";
import { runScript } from "./bench/run-script";

const RUNS = numberFlag("runs", 100_000);
const UPLOAD = numberFlag("upload", 50_000);
const IDLE_SECONDS = numberFlag("idle", 10);
const root = process.cwd();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-upload-reads-"));
  const url = `file:${join(dir, "app.db")}`;
  let stop = () => {};
  try {
    const { db, client } = openDatabase(url);
    await migrateDatabase(db);
    await seedDatabase(db);
    const deviceIds = (await client.execute("select id from devices order by id")).rows.map((r) => String(r.id));
    const variantIds = (await client.execute("select id from variants order by id")).rows.map((r) => String(r.id));
    const runs = syntheticRuns(RUNS, 1, deviceIds, variantIds);
    for (let i = 0; i < runs.length; i += 10_000) await insertRunsRaw(db, runs.slice(i, i + 10_000), `raw ${i}`);
    client.close();

    const app = await startApp(root, url);
    stop = app.stop;
    const scenario = readFileSync(join(root, "data/scenarios/chat-assistant-50k.json"), "utf8");
    const reads = await readsDuringUpload(app.baseUrl, {
      scenario,
      // confirm=1: the seed's own contradictory variants would hold some synthetic runs back.
      uploadPath: "/api/uploads?confirm=1",
      uploadBody: nativeFile("bench upload under reads", syntheticRuns(UPLOAD, 2, deviceIds, variantIds)),
      idleSeconds: IDLE_SECONDS,
    });
    console.log(`bench:upload-reads, ${RUNS} runs stored; 2 plan + 2 health clients, idle ${IDLE_SECONDS} s, then during a ${UPLOAD}-run upload`);
    console.log(`upload: ${reads.upload.ms.toFixed(0)} ms, status ${reads.upload.status}`);
    console.log(`POST /api/plan  ${describeRatio(reads.idle.plan, reads.during.plan)}`);
    console.log(`GET /api/health ${describeRatio(reads.idle.health, reads.during.health)}`);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runScript(main);
