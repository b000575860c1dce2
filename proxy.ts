/**
 * Runs before every page and before POST /api/scenarios:
 * - the per-client key: unless proxies in front are trusted (TRUST_PROXY_HOPS), the
 *   X-Forwarded-For a client sends is dropped, so that Next's server sets it to the
 *   socket's address (lib/http/rate-limit.ts, clientKeyOf);
 * - load shedding for the heavy pages (lib/http/page-gates.ts): past a page's limit of
 *   renders in flight, a 503 + Retry-After page; otherwise a lease for the render, given
 *   back by the root layout when the response is done or here when the client goes first;
 * - every page request a fresh CSP nonce: set on the request's Content-Security-Policy
 *   header (where Next reads it to sign its scripts) and sent back as the response's policy.
 */
import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/env";
import { admitPage, busyPageResponse, PAGE_LEASE_HEADER, pageRouteOf, releasePage } from "@/lib/http/page-gates";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  if (readEnv().TRUST_PROXY_HOPS === 0) requestHeaders.delete("x-forwarded-for");
  // Only this file hands out leases: one a client sends is not its own.
  requestHeaders.delete(PAGE_LEASE_HEADER);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next({ request: { headers: requestHeaders } });

  // A client-side navigation (the router's fetch of the page's RSC payload) does not render
  // the root layout that gives leases back, so only documents are counted. Next takes the
  // RSC header and `_rsc` off the request this function sees; what tells the router's fetch
  // from a document is the browser's Sec-Fetch-Dest ("empty" for fetch, "document" for a
  // page; clients that are not browsers send none and are counted).
  const dest = request.headers.get("sec-fetch-dest");
  const route = dest !== null && dest !== "document" ? null : pageRouteOf(request.nextUrl.pathname);
  if (route) {
    const lease = admitPage(route);
    if (lease === null) return busyPageResponse(1);
    requestHeaders.set(PAGE_LEASE_HEADER, lease);
    // Aborts only when the client goes before the response is finished (Next's signal).
    request.signal.addEventListener("abort", () => releasePage(lease), { once: true });
  }

  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages: API answers get their own policy in next.config.ts; static files need none.
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // The one API route that keys a limit by client.
    { source: "/api/scenarios" },
  ],
};
