/** Writes (uploads, deletes, imports) need the admin token when ADMIN_TOKEN is set. */
import { timingSafeEqual } from "node:crypto";
import { readEnv } from "@/lib/env";
import { ApiError } from "./errors";

export function requireAdmin(request: Request): void {
  const token = readEnv().ADMIN_TOKEN;
  if (!token) return;
  const header = request.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ApiError("unauthorized:admin", "This server needs its admin token: Authorization: Bearer <ADMIN_TOKEN>");
  }
}
