/**
 * `GET /api/variants/{id}/runs`: the runs of one model variant as the planner's
 * engine reads them (lib/dataset/snapshot.ts), each with its status and source, so
 * that a page can ship the catalogue and fetch the runs its chosen variant needs.
 */
import { z } from "zod";
import type { SnapshotRun } from "@/lib/dataset/snapshot";
import { dataStatusSchema } from "./benchmark-file";

const figure = z.number().finite().nullable();

export const snapshotRunSchema = z.strictObject({
  id: z.number().int(),
  deviceId: z.string(),
  variantId: z.string(),
  runtime: z.string(),
  backend: z.string().nullable(),
  status: dataStatusSchema,
  provenance: z.strictObject({ status: dataStatusSchema, source: z.string(), sourceId: z.number().int().optional() }),
  decodeTokensPerSec: figure,
  prefillTokensPerSec: figure,
  ttftMs: figure,
  promptTokens: figure,
  contextDepthTokens: figure.optional(),
  peakMemoryMB: figure,
  weightsMB: figure,
  powerW: figure,
  batteryDrainPctPer30Min: figure,
  throttlePct: figure,
  throttleAfterMin: figure,
  coldStartSec: figure,
  measuredAt: z.string().nullable(),
}) satisfies z.ZodType<SnapshotRun>;

export const variantRunsResponseSchema = z.strictObject({
  variantId: z.string(),
  runs: z.array(snapshotRunSchema),
});
export type VariantRunsResponse = z.infer<typeof variantRunsResponseSchema>;
