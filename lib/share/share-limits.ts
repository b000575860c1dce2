/**
 * How many new share links anonymous clients may create: per client a burst
 * then a steady rate, and totals a minute and a day across all clients and servers.
 * Sharing an already stored scenario costs nothing (it answers the stored id).
 * ADMIN_TOKEN lifts them all.
 *
 * Sizing: a stored share is its scenario plus the data it reads, ≈ 8 KB for a seed
 * scenario. 16 clients get 10 at once and 10 a minute: 16 × 20 × 8 KB ≈ 2.6 MB in their
 * first minute. A client is known by the address it says it has (X-Forwarded-For), so one
 * that forges it is held by the totals instead: 400 a minute ≈ 3.2 MB, 2,000 a day ≈ 16 MB.
 */
import { z } from "zod";
import { parseEnv } from "@/lib/env";

const limitsSchema = z.object({
  SHARE_LIMIT_PER_MINUTE: z.coerce.number().positive().max(100_000).default(10),
  SHARE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
  SHARE_QUOTA_PER_MINUTE: z.coerce.number().int().min(0).max(100_000_000).default(400),
  SHARE_QUOTA_PER_DAY: z.coerce.number().int().min(0).max(100_000_000).default(2000),
});

export interface ShareLimits {
  perMinute: number;
  burst: number;
  quotaPerMinute: number;
  quotaPerDay: number;
}

export function readShareLimits(source: Record<string, string | undefined> = process.env): ShareLimits {
  const limits = parseEnv(limitsSchema, source);
  return {
    perMinute: limits.SHARE_LIMIT_PER_MINUTE,
    burst: limits.SHARE_LIMIT_BURST,
    quotaPerMinute: limits.SHARE_QUOTA_PER_MINUTE,
    quotaPerDay: limits.SHARE_QUOTA_PER_DAY,
  };
}
