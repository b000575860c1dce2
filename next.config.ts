import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native binding must stay a runtime require, not a bundled module.
  serverExternalPackages: ["@libsql/client", "libsql"],
  // Lets two builds (e.g. two work trees' browser tests) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
