import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkRuns, sources } from "@/db/schema";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));

describe("several app processes on one database file", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase(); // migrated, so the file is in WAL mode
  });
  afterAll(() => temp.close());

  it("lands every upload sent through three processes at once; none answers SQLITE_BUSY", async () => {
    const [runsBefore] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const [sourcesBefore] = await temp.db.select({ n: count() }).from(sources);
    // Three processes × 6 uploads of 2,000 runs each, all starting at the same moment; every run distinct.
    const startAtMs = Date.now() + 6_000;
    const processes = [0, 1, 2].map((p) =>
      run(
        "node_modules/.bin/tsx",
        ["tests/helpers/upload-process.ts", String(startAtMs), "2000", ...Array.from({ length: 6 }, (_, i) => String(10 + (p * 6 + i) * 2))],
        { cwd: root, env: { ...process.env, DATABASE_URL: temp.url }, timeout: 60_000 },
      ),
    );
    const answers = (await Promise.all(processes)).flatMap(({ stdout }) => JSON.parse(stdout) as { status: number; error?: string }[]);
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(answers).toHaveLength(18);
    const [runsAfter] = await temp.db.select({ n: count() }).from(benchmarkRuns);
    const [sourcesAfter] = await temp.db.select({ n: count() }).from(sources);
    // 18 files × 2,000 runs under 18 new sources.
    expect(runsAfter!.n - runsBefore!.n).toBe(36_000);
    expect(sourcesAfter!.n - sourcesBefore!.n).toBe(18);
    const [mode] = (await temp.db.$client.execute("PRAGMA journal_mode")).rows;
    expect(mode?.journal_mode).toBe("wal");
  }, 90_000);

  it("stores the same file sent through two processes at once only once", async () => {
    const [before] = await temp.db.select({ n: count() }).from(sources);
    const startAtMs = Date.now() + 5_000;
    const both = await Promise.all(
      [0, 1].map(() =>
        run("node_modules/.bin/tsx", ["tests/helpers/upload-process.ts", String(startAtMs), "3000", "31.5"], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: temp.url },
          timeout: 60_000,
        }),
      ),
    );
    const statuses = both.flatMap(({ stdout }) => (JSON.parse(stdout) as { status: number }[]).map((a) => a.status));
    // One stores it (201); the other finds its hash, in the preview or under the write lock (200).
    expect(statuses.sort()).toEqual([200, 201]);
    const [after] = await temp.db.select({ n: count() }).from(sources);
    expect(after!.n - before!.n).toBe(1);
  }, 90_000);
});
