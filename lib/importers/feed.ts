/** What the pricing feeds' importers share: their options' parse and the file they make of their prices. */
import type { z } from "zod";
import type { PriceInput } from "@/lib/schemas/benchmark-file";
import { withSource, type SourceOverride } from "./options";
import { failure, finalize, issuesFromZod, type ImportResult, type ImportSkip } from "./result";

/**
 * A pricing feed's options, or the failure that names each bad one. A missing or malformed
 * `effectiveDate` is asked for (`option_required`) in the feed's own words: what its date is.
 */
export function parseFeedOptions<T>(
  schema: z.ZodType<T>,
  options: unknown,
  dateRequired: string,
): { ok: true; data: T } | { ok: false; failure: ImportResult } {
  const parsed = schema.safeParse(options);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    failure: failure(
      issuesFromZod(parsed.error, "options").map((i) =>
        i.where === "options.effectiveDate" ? { ...i, message: dateRequired, code: "option_required" as const } : i,
      ),
    ),
  };
}

/** The feed as it describes itself: the options' `source` overrides any of it. */
export interface FeedSource {
  title: string;
  url: string;
  publishedAt: string;
}

/** The native file of a feed's prices, under the feed as their source. */
export function feedFile(
  source: FeedSource,
  override: SourceOverride | undefined,
  prices: PriceInput[],
  warnings: string[],
  skipped: ImportSkip[],
): ImportResult {
  return finalize(
    { format: "edge-llm-benchmarks", version: 1, source: withSource({ kind: "feed", ...source }, override), prices },
    warnings,
    skipped,
  );
}
