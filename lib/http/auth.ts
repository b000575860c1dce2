/** Writes (uploads, deletes, imports) need the admin token when ADMIN_TOKEN is set; it also lifts the share limits. */
import { timingSafeEqual } from "node:crypto";
import { readEnv } from "@/lib/env";
import { ApiError } from "./errors";

export function requireAdmin(request: Request): void {
  if (readEnv().ADMIN_TOKEN && !hasAdminToken(request)) {
    throw new ApiError("unauthorized:admin", "This server needs its admin token: Authorization: Bearer <ADMIN_TOKEN>");
  }
}

/** Whether the request carries ADMIN_TOKEN (false when none is set): it lifts the anonymous limits. */
export function hasAdminToken(request: Request): boolean {
  const token = readEnv().ADMIN_TOKEN;
  if (!token) return false;
  const header = request.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
