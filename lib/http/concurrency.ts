/**
 * Load shedding: a route takes at most `max` requests at once; the next one is
 * answered 503 with Retry-After at once instead of queueing behind work that
 * would time it out anyway. Per process (each app server sheds its own load).
 */
import { ApiError } from "./errors";

export interface ConcurrencyGate {
  readonly name: string;
  /** Requests in flight now. */
  readonly active: number;
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createConcurrencyGate(name: string, max: number, retryAfterSec = 1): ConcurrencyGate {
  let active = 0;
  return {
    name,
    get active() {
      return active;
    },
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (active >= max) {
        throw new ApiError("unavailable:busy", `The server is busy (${name}); try again in ${retryAfterSec} s`, [], { retryAfterSec });
      }
      active++;
      try {
        return await work();
      } finally {
        active--;
      }
    },
  };
}

/** Reads ROUTE_CONCURRENCY_<NAME> (e.g. ROUTE_CONCURRENCY_PLAN=32), else the default. */
export function concurrencyLimit(name: string, fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = Number(env[`ROUTE_CONCURRENCY_${name.toUpperCase()}`]);
  return Number.isInteger(raw) && raw > 0 ? raw : fallback;
}
