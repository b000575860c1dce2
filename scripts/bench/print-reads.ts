/** The lines bench:scale and bench-reads print for the same measurements, written one way. */
import { formatErrors, percentile, sequential, type Target } from "./load";
import { TYPICAL_READ_PATHS } from "./typical-reads";

/**
 * Each typical read timed one request after another on a quiet server (2 to warm, then 20;
 * 10 for the heavier /benchmarks pages), one line each: p50, p95 and, given health's p95
 * from the same run, p95 ÷ health.
 */
export async function printTypicalReads(baseUrl: string, healthP95Ms?: number): Promise<void> {
  const ratio = healthP95Ms === undefined ? "" : "  p95÷health";
  console.log(`\nsequential, quiet server                                   n   p50 ms   p95 ms${ratio}    bytes`);
  for (const path of TYPICAL_READ_PATHS) {
    const target: Target = { method: "GET", path };
    await sequential(baseUrl, target, 2);
    const n = path.startsWith("/benchmarks") ? 10 : 20;
    const r = await sequential(baseUrl, target, n);
    const p95 = percentile(r.times, 95);
    const p95OfHealth = healthP95Ms === undefined ? "" : `${(p95 / healthP95Ms).toFixed(1).padStart(10)}×`;
    console.log(
      `${path.padEnd(56)} ${String(n).padStart(3)} ${percentile(r.times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${p95OfHealth} ${String(r.bytes).padStart(8)}${r.errors ? `  ${r.errors} errors` : ""}`,
    );
  }
}

interface Throughput {
  perSecond: number;
  p50Ms: number;
  p99Ms?: number;
  /** Answers other than 200: a count, or counts by status (load()'s). */
  errors?: number | Record<string, number>;
}

/** "health 812.3 req/s (p50 18.2 ms), plan 402.1 req/s (p50 37.0 ms, p99 80.1 ms, 0 errors) = 49.5 % of health". */
export function planThroughputLine(health: Throughput, plan: Throughput): string {
  const planDetails = [
    `p50 ${plan.p50Ms.toFixed(1)} ms`,
    ...(plan.p99Ms === undefined ? [] : [`p99 ${plan.p99Ms.toFixed(1)} ms`]),
    ...(plan.errors === undefined ? [] : [`${typeof plan.errors === "number" ? plan.errors : formatErrors(plan.errors)} errors`]),
  ].join(", ");
  return `health ${health.perSecond.toFixed(1)} req/s (p50 ${health.p50Ms.toFixed(1)} ms), plan ${plan.perSecond.toFixed(1)} req/s (${planDetails}) = ${((100 * plan.perSecond) / health.perSecond).toFixed(1)} % of health`;
}
