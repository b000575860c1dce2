import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // libSQL's native binding must stay a runtime require, not a bundled module.
  serverExternalPackages: ["@libsql/client", "libsql"],
  // Lets two builds (e.g. two work trees' browser tests) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Source maps for the browser's chunks, only in a build made to profile (bench:plan-load --profile).
  productionBrowserSourceMaps: process.env.PROFILE_SOURCE_MAPS === "1",
  // The pages' Content-Security-Policy carries a per-request nonce: proxy.ts sets it.
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
