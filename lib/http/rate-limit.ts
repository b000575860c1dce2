/**
 * A per-client token bucket: `burst` requests at once, then one every
 * `60 / perMinute` seconds. In memory, so each app server keeps its own
 * buckets; the total quota (counted in the database) is what holds across servers.
 */
export interface RateLimiter {
  /** Takes one token for `key`; when none is left, the seconds until one is. */
  take(key: string, nowMs?: number): { ok: true } | { ok: false; retryAfterSec: number };
}

/** Buckets kept at most; past it the least recently used go (a full bucket is the same as none). */
const MAX_KEYS = 10_000;

export function createRateLimiter(options: { perMinute: number; burst: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  const refillPerMs = options.perMinute / 60_000;
  return {
    take(key, nowMs = Date.now()) {
      const previous = buckets.get(key);
      const tokens = previous
        ? Math.min(options.burst, previous.tokens + (nowMs - previous.atMs) * refillPerMs)
        : options.burst;
      buckets.delete(key); // re-inserted below: Map order is the LRU order
      if (tokens < 1) {
        buckets.set(key, { tokens, atMs: nowMs });
        return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
      return { ok: true };
    },
  };
}

/**
 * The client a request comes from, for rate limiting: the first address in
 * X-Forwarded-For (Next's server sets it from the socket when a request comes
 * without one; a proxy in front appends to it), else one shared bucket.
 */
export function clientKeyOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || request.headers.get("x-real-ip") || "unknown";
}
