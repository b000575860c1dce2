/**
 * POST /api/compare/prices: one scenario planned with each cloud price. The
 * scenario is checked by the scenario schema itself (lib/planning/plan-request.ts),
 * so its issues keep the paths the planner shows.
 */
import { z } from "zod";

export const comparePricesBodySchema = z.strictObject({
  scenario: z.unknown(),
  /** Price ids to plan with; every current price when absent. */
  priceIds: z.array(z.string().trim().min(1).max(200)).min(1).max(500).optional(),
});
export type ComparePricesBody = z.infer<typeof comparePricesBodySchema>;

const usd = z.number().finite();

export const priceRankingRowSchema = z.strictObject({
  priceId: z.string(),
  name: z.string(),
  provider: z.string(),
  inputUsdPerMTok: usd,
  outputUsdPerMTok: usd,
  status: z.enum(["measured", "claimed", "estimated"]),
  cloudOnlyMonthOneUsd: usd,
  cloudUsdPer1kRequests: usd.nullable(),
  quality: z.number().finite().nullable(),
  latencyMs: z.number().finite(),
  cloudOnlyTcoUsd: usd,
  hybridTcoUsd: usd,
  recommended: z.enum(["cloudOnly", "hybrid", "edgeOnly"]),
  recommendedTcoUsd: usd,
});

export const comparePricesResponseSchema = z.strictObject({
  rows: z.array(priceRankingRowSchema),
  skipped: z.array(z.strictObject({ priceId: z.string(), reason: z.string() })),
});
export type ComparePricesResponse = z.infer<typeof comparePricesResponseSchema>;
