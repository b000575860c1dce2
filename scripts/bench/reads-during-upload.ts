/**
 * Reads while a large file is uploaded, against the same reads on the same server
 * with no upload: two POST /api/plan clients and two GET /api/health clients at
 * once, first for a fixed time (idle), then for as long as the upload takes.
 * The two rounds load the server alike but for the upload, so during ÷ idle is
 * what the upload costs the reads.
 */
import http from "node:http";
import { assertLoopback, percentile, request, type Target } from "./load";

export interface ReadTimes {
  /** Sorted, ms. */
  times: number[];
  /** Status (or "timeout", "socket") → how many answers were not 200. */
  errors: Record<string, number>;
}

export interface ReadsDuringUpload {
  idle: { plan: ReadTimes; health: ReadTimes };
  during: { plan: ReadTimes; health: ReadTimes };
  upload: { status: number | string; ms: number; body: string };
}

/** Two clients on each of plan and health until `done()`; each request waits for the one before it. */
async function mixedReads(base: URL, scenario: string, done: () => boolean): Promise<{ plan: ReadTimes; health: ReadTimes }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const reader = (target: Target, into: ReadTimes) => async () => {
    while (!done()) {
      const answer = await request(agent, base, target, 60_000);
      into.times.push(answer.ms);
      if (answer.status !== 200) into.errors[String(answer.status)] = (into.errors[String(answer.status)] ?? 0) + 1;
    }
  };
  const plan: ReadTimes = { times: [], errors: {} };
  const health: ReadTimes = { times: [], errors: {} };
  const planTarget: Target = { method: "POST", path: "/api/plan", body: scenario };
  const healthTarget: Target = { method: "GET", path: "/api/health" };
  await Promise.all([reader(planTarget, plan)(), reader(planTarget, plan)(), reader(healthTarget, health)(), reader(healthTarget, health)()]);
  agent.destroy();
  plan.times.sort((a, b) => a - b);
  health.times.sort((a, b) => a - b);
  return { plan, health };
}

export async function readsDuringUpload(
  baseUrl: string,
  options: { scenario: string; uploadPath: string; uploadBody: string; idleSeconds: number },
): Promise<ReadsDuringUpload> {
  const base = assertLoopback(baseUrl);
  // Warm both routes (the plan route loads the dataset's snapshot once per data version).
  await mixedReads(base, options.scenario, ((until) => () => performance.now() > until)(performance.now() + 1000));
  const idleUntil = performance.now() + options.idleSeconds * 1000;
  const idle = await mixedReads(base, options.scenario, () => performance.now() > idleUntil);

  let uploading = true;
  const agent = new http.Agent({ keepAlive: false });
  const upload = request(agent, base, { method: "POST", path: options.uploadPath, body: options.uploadBody }, 600_000, true).finally(() => {
    uploading = false;
  });
  const [during, answer] = await Promise.all([mixedReads(base, options.scenario, () => !uploading), upload]);
  return { idle, during, upload: { status: answer.status, ms: answer.ms, body: answer.body ?? "" } };
}

/** "p99 idle 12.0 ms, during 20.0 ms (840 requests, errors 0) = 1.67×" */
export function describeRatio(idle: ReadTimes, during: ReadTimes): string {
  const errors = Object.entries(during.errors).map(([k, v]) => `${v}×${k}`).join(" ") || "0";
  const idleP99 = percentile(idle.times, 99);
  const duringP99 = percentile(during.times, 99);
  return `p99 idle ${idleP99.toFixed(1)} ms (${idle.times.length} requests), during ${duringP99.toFixed(1)} ms (${during.times.length} requests, errors ${errors}) = ${(duringP99 / idleP99).toFixed(2)}×`;
}
