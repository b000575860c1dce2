/**
 * A closed-loop load generator on Node's own http client: `connections` clients each
 * send a request, wait for its answer, and send the next, until the time is up.
 * Loopback only: the benches refuse any other host.
 */
import http from "node:http";

export interface Target {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: string;
  /** Answers with another status count as errors. */
  expect?: number[];
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Status (or "timeout", "socket") → how many. */
  errors: Record<string, number>;
}

export function assertLoopback(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`the benches only load this machine (127.0.0.1), not ${url.hostname}`);
  }
  return url;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Answer {
  status: number | "timeout" | "socket";
  ms: number;
  bytes: number;
  body?: string;
}

/** One request; never throws. */
export function request(agent: http.Agent, base: URL, target: Target, timeoutMs: number, keepBody = false): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const body = target.body === undefined ? undefined : Buffer.from(target.body);
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: target.method,
        path: target.path,
        headers: body ? { "content-type": "application/json", "content-length": body.length } : {},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (keepBody) chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            bytes,
            body: keepBody ? Buffer.concat(chunks).toString("utf8") : undefined,
          }),
        );
        res.on("error", () => resolve({ status: "socket", ms: performance.now() - started, bytes }));
      },
    );
    req.on("timeout", () => {
      req.destroy();
      resolve({ status: "timeout", ms: performance.now() - started, bytes: 0 });
    });
    req.on("error", () => resolve({ status: "socket", ms: performance.now() - started, bytes: 0 }));
    req.end(body);
  });
}

/** `connections` clients on `target` for `seconds`; a request still open at the end is waited for. */
export async function load(
  baseUrl: string,
  target: Target,
  connections: number,
  seconds: number,
  timeoutMs = 10_000,
): Promise<LoadResult> {
  const base = assertLoopback(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const expect = target.expect ?? [200];
  const times: number[] = [];
  const errors: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const answer = await request(agent, base, target, timeoutMs);
      times.push(answer.ms);
      if (typeof answer.status !== "number" || !expect.includes(answer.status)) {
        errors[String(answer.status)] = (errors[String(answer.status)] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / elapsed,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    errors,
  };
}

/** `count` requests one after another (a quiet server): their times, sorted. */
export async function sequential(baseUrl: string, target: Target, count: number): Promise<{ times: number[]; bytes: number; errors: number }> {
  const base = assertLoopback(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let bytes = 0;
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const answer = await request(agent, base, target, 60_000);
    times.push(answer.ms);
    bytes = answer.bytes;
    if (answer.status !== 200) errors++;
  }
  agent.destroy();
  return { times: times.sort((a, b) => a - b), bytes, errors };
}

export function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length === 0 ? "0" : entries.map(([k, v]) => `${v}×${k}`).join(" ");
}
