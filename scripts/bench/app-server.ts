/**
 * Serves the production build (`server/start.mjs`) on a free loopback port over a given
 * database, for the benches; builds first when there is no build.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface AppServer {
  baseUrl: string;
  stop: () => void;
}

/** A port nothing listens on now, on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Resolves once `GET /api/health` answers 200; fails when the child exits first or the time runs out. */
export async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not answer ${baseUrl}/api/health within ${timeoutMs} ms`);
}

export function ensureBuild(root: string): void {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
}

/** Migrates (and seeds when empty) the database, then serves the app on it, on `port` when given (else a free one). */
export async function startApp(root: string, databaseUrl: string, port?: number): Promise<AppServer> {
  ensureBuild(root);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ADMIN_TOKEN: "" };
  execFileSync("npx", ["tsx", "db/migrate.ts", "--seed-if-empty"], { cwd: root, env, stdio: "ignore" });
  port ??= await freePort();
  const child = spawn("node", ["server/start.mjs", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: "ignore",
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", stop);
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, stop };
}
