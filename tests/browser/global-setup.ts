/**
 * Serves the built app on a free port over a fresh seeded database for the
 * browser tests. Builds first when there is no build or sources are newer than it. Without Chromium the
 * tests skip, except under CI=true, where a skipped browser test is a failure.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, waitForHealth } from "../../scripts/bench/app-server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Newest modification time under the folders a build depends on. */
function newestSourceMtime(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of ["app", "pages", "lib", "db"]) if (existsSync(join(root, folder))) walk(join(root, folder));
  return newest;
}

function buildIsCurrent(root: string): boolean {
  const buildId = join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceMtime(root);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CI === "true") throw new Error(`Chromium not found at ${CHROMIUM_PATH}; CI needs the browser tests`);
    project.provide("baseUrl", "");
    return async () => {};
  }
  const root = process.cwd();
  if (!buildIsCurrent(root)) {
    execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  }
  const dir = mkdtempSync(join(tmpdir(), "planner-e2e-"));
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, "e2e.db")}`, PORT: String(await freePort()) };
  execFileSync("npx", ["tsx", "db/migrate.ts", "--seed-if-empty"], { cwd: root, env, stdio: "inherit" });
  const child = spawn("node", ["server/start.mjs", "-p", env.PORT], { cwd: root, env, stdio: "inherit", detached: true });
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(baseUrl, child, 60_000);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", env.DATABASE_URL);
  return async () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}
