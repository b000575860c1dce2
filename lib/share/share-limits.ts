/**
 * How many new share links anonymous clients may create: per client a burst
 * then a steady rate, and a total a day across all clients. Sharing an already
 * stored scenario costs nothing (it answers the stored id). ADMIN_TOKEN lifts both.
 *
 * Sizing: a stored share is its scenario plus the data it reads, ≈ 10 KB for a seed
 * scenario; 16 clients at 10 a minute store at most 160 × 10 KB = 1.6 MB a minute,
 * and the daily total caps the table's growth at 2,000 × 10 KB ≈ 20 MB a day.
 */
import { z } from "zod";

const limitsSchema = z.object({
  SHARE_LIMIT_PER_MINUTE: z.coerce.number().positive().max(100_000).default(10),
  SHARE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
  SHARE_QUOTA_PER_DAY: z.coerce.number().int().min(0).max(100_000_000).default(2000),
});

export interface ShareLimits {
  perMinute: number;
  burst: number;
  quotaPerDay: number;
}

export function readShareLimits(source: Record<string, string | undefined> = process.env): ShareLimits {
  const parsed = limitsSchema.safeParse({
    SHARE_LIMIT_PER_MINUTE: source.SHARE_LIMIT_PER_MINUTE || undefined,
    SHARE_LIMIT_BURST: source.SHARE_LIMIT_BURST || undefined,
    SHARE_QUOTA_PER_DAY: source.SHARE_QUOTA_PER_DAY || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return { perMinute: parsed.data.SHARE_LIMIT_PER_MINUTE, burst: parsed.data.SHARE_LIMIT_BURST, quotaPerDay: parsed.data.SHARE_QUOTA_PER_DAY };
}
