import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL's native binding must stay a runtime require, not a bundled module.
  serverExternalPackages: ["@libsql/client", "libsql"],
  typedRoutes: false,
};

export default nextConfig;
