/**
 * Load shedding for the heavy pages. proxy.ts admits a page request (or answers
 * 503 + Retry-After with a small page that retries by itself) and hands the render a
 * lease in a request header; the root layout gives it back once the response is
 * finished (next/server `after`), and proxy.ts when the client goes away first.
 *
 * proxy.ts and the pages are separate bundles in one process, so the leases live
 * on globalThis. A lease not given back (a render that never reached the layout)
 * lapses after LEASE_MS, so a lost one cannot shut a page for good.
 */
import { concurrencyLimit } from "./concurrency";

/** The request header that carries a page's lease from proxy.ts to the root layout. */
export const PAGE_LEASE_HEADER = "x-page-lease";

const LEASE_MS = 60_000;

export interface PageRoute {
  /** Names the limit: ROUTE_CONCURRENCY_<NAME>_PAGE. */
  name: string;
  max: number;
}

const routes: { test: RegExp; name: string; fallback: number }[] = [
  { test: /^\/plan\/?$/, name: "plan", fallback: 16 },
  { test: /^\/s\/[^/]+\/?$/, name: "shared", fallback: 16 },
  { test: /^\/benchmarks(\/[^/]+)?\/?$/, name: "benchmarks", fallback: 8 },
  { test: /^\/pricing\/?$/, name: "pricing", fallback: 16 },
  { test: /^\/compare\/?$/, name: "compare", fallback: 16 },
];

/** The gated page a path opens, with its limit; null for pages cheap enough to go unguarded. */
export function pageRouteOf(pathname: string, env: Record<string, string | undefined> = process.env): PageRoute | null {
  const route = routes.find((r) => r.test.test(pathname));
  return route ? { name: route.name, max: concurrencyLimit(`${route.name}_page`, route.fallback, env) } : null;
}

interface Lease {
  route: string;
  expiresAtMs: number;
}

const store = globalThis as unknown as { pageLeases?: Map<string, Lease> };
const leases = (store.pageLeases ??= new Map<string, Lease>());

/** Renders of `route` in flight now (lapsed leases dropped). */
export function pagesInFlight(route: string, nowMs = Date.now()): number {
  let n = 0;
  for (const [id, lease] of leases) {
    if (lease.expiresAtMs <= nowMs) leases.delete(id);
    else if (lease.route === route) n++;
  }
  return n;
}

/** A lease for one render of `route`, or null when `max` renders are in flight. */
export function admitPage(route: PageRoute, nowMs = Date.now()): string | null {
  if (pagesInFlight(route.name, nowMs) >= route.max) return null;
  const id = crypto.randomUUID();
  leases.set(id, { route: route.name, expiresAtMs: nowMs + LEASE_MS });
  return id;
}

/** Gives a lease back; an unknown or already returned one is ignored. */
export function releasePage(lease: string | null | undefined): void {
  if (lease) leases.delete(lease);
}

/** What a browser shows when a page is shed: it says so and tries again after `retryAfterSec`. */
export function busyPageResponse(retryAfterSec: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${retryAfterSec}"><title>Busy — Edge vs cloud LLM cost planner</title></head><body><h1>Busy right now</h1><p>Too many people are opening this page at once. It opens again by itself in ${retryAfterSec} s; <a href="">try again</a> any time.</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfterSec),
      "cache-control": "no-store",
      // No script, no style: nothing on this page needs anything.
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    },
  });
}
