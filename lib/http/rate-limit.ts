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
 * The client a request comes from, for rate limiting, from X-Forwarded-For:
 * - `trustedHops` 0 (no proxy in front): proxy.ts drops the header a client sends, and
 *   Next's server then sets it to the socket's address (it only fills it when absent),
 *   so the one address left is the socket's;
 * - n proxies in front, each appending the address it was reached from: the n-th
 *   address from the right is the one the outermost trusted proxy saw, and whatever
 *   stands left of it the client may have written. A header with fewer addresses than
 *   that (a request that went around the proxies) counts from its leftmost.
 * No header: one bucket shared by all such requests.
 */
export function clientKeyOf(request: Request, trustedHops: number): string {
  const addresses = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (addresses.length === 0) return "unknown";
  return addresses[Math.max(0, addresses.length - Math.max(1, trustedHops))]!;
}
