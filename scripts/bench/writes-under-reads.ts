/**
 * A small write (a one-run upload, then its deletion) while two clients time GET
 * /api/health, against the same two clients on the quiet server: health p99 during ÷
 * idle is what the write costs every other request. The window also holds the first
 * POST /api/plan after each write (a reader of the new data version) and the first GET
 * /benchmarks after the upload, so learning that a write leaves to run after its answer
 * is inside it.
 */
import http from "node:http";
import { assertLoopback, percentile, request, type Target } from "./load";

export interface WritesUnderReads {
  idle: number[];
  during: number[];
  upload: { status: number | string; ms: number };
  firstPlanAfterUpload: { status: number | string; ms: number };
  firstBenchmarksAfterUpload: { status: number | string; ms: number };
  remove: { status: number | string; ms: number };
  firstPlanAfterDelete: { status: number | string; ms: number };
}

/** Two health clients until `done()`; sorted times, ms. */
async function healthUntil(base: URL, done: () => boolean): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const times: number[] = [];
  const target: Target = { method: "GET", path: "/api/health" };
  const client = async () => {
    while (!done()) times.push((await request(agent, base, target, 120_000)).ms);
  };
  await Promise.all([client(), client()]);
  agent.destroy();
  return times.sort((a, b) => a - b);
}

export async function writesUnderReads(baseUrl: string, input: { uploadBody: string; planBody: string; idleSeconds: number }): Promise<WritesUnderReads> {
  const base = assertLoopback(baseUrl);
  const until = performance.now() + input.idleSeconds * 1000;
  const idle = await healthUntil(base, () => performance.now() >= until);

  const agent = new http.Agent({ keepAlive: true });
  let finished = false;
  const during = healthUntil(base, () => finished);
  const plan: Target = { method: "POST", path: "/api/plan", body: input.planBody };
  const uploaded = await request(agent, base, { method: "POST", path: "/api/uploads", body: input.uploadBody }, 600_000, true);
  const firstPlanAfterUpload = await request(agent, base, plan, 600_000);
  const firstBenchmarksAfterUpload = await request(agent, base, { method: "GET", path: "/benchmarks" }, 600_000);
  const uploadId = (JSON.parse(uploaded.body ?? "{}") as { uploadId?: number }).uploadId;
  const removed = await request(agent, base, { method: "DELETE", path: `/api/uploads/${uploadId}` }, 600_000);
  const firstPlanAfterDelete = await request(agent, base, plan, 600_000);
  finished = true;
  agent.destroy();
  const pick = (a: { status: number | string; ms: number }) => ({ status: a.status, ms: a.ms });
  return {
    idle,
    during: await during,
    upload: pick(uploaded),
    firstPlanAfterUpload: pick(firstPlanAfterUpload),
    firstBenchmarksAfterUpload: pick(firstBenchmarksAfterUpload),
    remove: pick(removed),
    firstPlanAfterDelete: pick(firstPlanAfterDelete),
  };
}

export function formatWritesUnderReads(r: WritesUnderReads): string {
  const p99Idle = percentile(r.idle, 99);
  const p99During = percentile(r.during, 99);
  return [
    `health, 2 clients: idle p99 ${p99Idle.toFixed(1)} ms (${r.idle.length} requests); during the writes p99 ${p99During.toFixed(1)} ms, max ${(r.during.at(-1) ?? Number.NaN).toFixed(1)} ms (${r.during.length} requests) = ${(p99During / p99Idle).toFixed(1)}× idle`,
    `  one-run upload ${r.upload.ms.toFixed(0)} ms (status ${r.upload.status}), then the first POST /api/plan ${r.firstPlanAfterUpload.ms.toFixed(0)} ms (status ${r.firstPlanAfterUpload.status}), the first GET /benchmarks ${r.firstBenchmarksAfterUpload.ms.toFixed(0)} ms (status ${r.firstBenchmarksAfterUpload.status})`,
    `  its deletion   ${r.remove.ms.toFixed(0)} ms (status ${r.remove.status}), then the first POST /api/plan ${r.firstPlanAfterDelete.ms.toFixed(0)} ms (status ${r.firstPlanAfterDelete.status})`,
  ].join("\n");
}
