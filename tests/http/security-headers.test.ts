import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { config, proxy } from "@/proxy";

describe("security headers", () => {
  it("gives each page request a fresh nonce, on the request (for Next) and the response alike", () => {
    const a = proxy(new NextRequest("http://localhost/plan"));
    const b = proxy(new NextRequest("http://localhost/plan"));
    const policy = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toHaveLength(24); // 16 random bytes in base64
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // NextResponse.next forwards overridden request headers as x-middleware-request-*.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("leaves API routes and static files out of the page policy", () => {
    const source = (config.matcher[0] as { source: string }).source;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    expect(matches("/plan")).toBe(true);
    expect(matches("/s/abc")).toBe(true);
    expect(matches("/api/plan")).toBe(false);
    expect(matches("/_next/static/chunks/x.js")).toBe(false);
  });

  it("sends nosniff, a referrer policy and no framing on every response, and a closed policy on the API", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!.headers;
    expect(Object.fromEntries(all.map((h) => [h.key, h.value]))).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    const api = rules.find((r) => r.source === "/api/:path*")!.headers;
    expect(api).toEqual([{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }]);
  });
});
