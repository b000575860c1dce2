/**
 * Simon Willison's llm-prices vendor files (data/<vendor>.json) → native cloud prices.
 *
 * - `{ vendor, models: [{ id, name, price_history: [{ input, output, input_cached,
 *   from_date, to_date }] }] }`, USD per 1M tokens: each segment of a history is a
 *   dated version of the vendor's list price (kind "list", status "claimed").
 * - Dates: a segment with `from_date` took effect that day and, with `to_date`, was
 *   replaced on that day. A segment without `from_date` has no start in the file:
 *   it is stored as in force on the day the file was read (`effectiveDate`, an
 *   option), or, when it had already ended by then, on the day before its `to_date`
 *   (effectiveDateBasis "in-force-on": it may have started earlier).
 * - provider = the vendor, unless the `provider` option renames it (the file says
 *   "google" for what LiteLLM calls "gemini"); `modelKeys` renames ids so that a
 *   history meets the same model from another feed ("claude-sonnet-4.5" →
 *   "claude-sonnet-4-5").
 * - Long-context prices are separate entries whose id is the base id plus "-<N>k"
 *   ("gpt-5.4-272k", name "… >272k"): folded into the base model's segment of the
 *   same dates as a tier above N·1000 prompt tokens.
 * - Skipped, never guessed: a segment without an input or output price, an input
 *   price of 0 (unknown, not free), an id that appears again (the first is kept).
 */
import { z } from "zod";
import type { LongContextPriceInput, PriceInput } from "@/lib/schemas/benchmark-file";
import { feedFile, parseFeedOptions } from "./feed";
import { readInput } from "./json";
import { effectiveDateSchema, sourceOverrideSchema } from "./options";
import { fail, failure, issuesFromZod, type ImportResult, type ImportSkip } from "./result";

export const llmPricesOptionsSchema = z.strictObject({
  /** The day the file was read: segments without a start date were in force then. */
  effectiveDate: effectiveDateSchema,
  /** The provider the vendor's prices are stored under, when it differs from the vendor. */
  provider: z.string().min(1).max(60).optional(),
  /** File id → model key, so that a history meets the same model priced by another feed. */
  modelKeys: z.record(z.string(), z.string().min(1).max(160)).optional(),
  /** Import only these ids (as the file spells them; a long-context entry follows its base). */
  allowlist: z.array(z.string().min(1)).optional(),
  source: sourceOverrideSchema.optional(),
});
export type LlmPricesOptions = z.infer<typeof llmPricesOptionsSchema>;

const usd = z.number().finite().nonnegative().nullable().optional();
const day = z.iso.date().nullable().optional();

const segmentSchema = z.object({ input: usd, output: usd, input_cached: usd, from_date: day, to_date: day });
type Segment = z.infer<typeof segmentSchema>;

export const llmPricesFileSchema = z.object({
  vendor: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "a lowercase vendor slug").max(60),
  models: z
    .array(
      z.object({
        id: z.string().min(1).max(160),
        name: z.string().trim().min(1).max(200),
        price_history: z.array(segmentSchema).min(1),
      }),
    )
    .min(1),
});

/** True for a file of this shape, whatever its validity: what format detection asks. */
export function looksLikeLlmPrices(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    "vendor" in value &&
    "models" in value &&
    Array.isArray((value as { models: unknown }).models) &&
    (value as { models: unknown[] }).models.some((m) => typeof m === "object" && m !== null && "price_history" in m)
  );
}

const LONG_CONTEXT_ID = /^(.+)-(\d+)k$/;

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The dates a segment is stored with (see the file comment). */
function datesOf(s: Segment, readOn: string): Pick<PriceInput, "effectiveDate" | "effectiveDateBasis" | "effectiveUntil"> {
  const until = s.to_date ? { effectiveUntil: s.to_date } : {};
  if (s.from_date) return { effectiveDate: s.from_date, effectiveDateBasis: "took-effect", ...until };
  if (s.to_date && s.to_date <= readOn) return { effectiveDate: dayBefore(s.to_date), effectiveDateBasis: "in-force-on", ...until };
  return { effectiveDate: readOn, effectiveDateBasis: "in-force-on", ...until };
}

const sameDates = (a: Segment, b: Segment) => (a.from_date ?? null) === (b.from_date ?? null) && (a.to_date ?? null) === (b.to_date ?? null);

export function importLlmPrices(input: unknown, options: LlmPricesOptions): ImportResult {
  const opts = parseFeedOptions(
    llmPricesOptionsSchema,
    options,
    "the day the file was read (YYYY-MM-DD) is required: segments without a start date were in force then",
  );
  if (!opts.ok) return opts.failure;
  const read = readInput(input);
  if (!read.ok) return failure(read.errors);
  const parsed = llmPricesFileSchema.safeParse(read.value);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const { vendor, models } = parsed.data;
  const { effectiveDate: readOn, modelKeys = {}, allowlist } = opts.data;
  const provider = opts.data.provider ?? vendor;
  const allow = allowlist ? new Set(allowlist) : null;

  const warnings: string[] = [];
  const skipped: ImportSkip[] = [];
  const byId = new Map<string, { index: number; model: (typeof models)[number] }>();
  models.forEach((model, index) => {
    if (byId.has(model.id)) {
      skipped.push({ where: `models[${index}] (${model.id})`, reason: `the same id appears earlier, at models[${byId.get(model.id)!.index}]`, code: "duplicate" });
      return;
    }
    byId.set(model.id, { index, model });
  });

  // Long-context entries that fold into a base model of the file.
  const tiersOf = new Map<string, { above: number; id: string }[]>();
  const folded = new Set<string>();
  for (const id of byId.keys()) {
    const match = LONG_CONTEXT_ID.exec(id);
    if (!match || !byId.has(match[1]!)) continue;
    const list = tiersOf.get(match[1]!) ?? [];
    list.push({ above: Number(match[2]) * 1000, id });
    tiersOf.set(match[1]!, list);
    folded.add(id);
  }

  const prices: PriceInput[] = [];
  const versions = new Set<string>();
  for (const [id, { index, model }] of byId) {
    if (folded.has(id)) continue;
    if (allow && !allow.has(id)) continue;
    const modelKey = modelKeys[id] ?? id;
    model.price_history.forEach((segment, s) => {
      const where = `models[${index}] (${id}).price_history[${s}]`;
      if (segment.input === null || segment.input === undefined) return skipped.push({ where, reason: "no input price (unknown, not free)", code: "no_input_price" });
      if (segment.input === 0) return skipped.push({ where, reason: "input price 0 (unknown, not free)", code: "zero_input_price" });
      if (segment.output === null || segment.output === undefined) return skipped.push({ where, reason: "no output price", code: "no_output_price" });
      const longContext: LongContextPriceInput[] = [];
      for (const tier of tiersOf.get(id) ?? []) {
        const match = byId.get(tier.id)!.model.price_history.find((t) => sameDates(t, segment));
        if (!match || !(typeof match.input === "number" && match.input > 0)) {
          warnings.push(`${tier.id} has no price for the dates of ${where}: that segment has no long-context tier`);
          continue;
        }
        longContext.push({
          aboveInputTokens: tier.above,
          inputUsdPerMTok: match.input,
          ...(typeof match.output === "number" ? { outputUsdPerMTok: match.output } : {}),
          ...(typeof match.input_cached === "number" ? { cachedInputUsdPerMTok: match.input_cached } : {}),
        });
      }
      const dates = datesOf(segment, readOn);
      const version = `${modelKey} ${dates.effectiveDate}`;
      if (versions.has(version)) return skipped.push({ where, reason: `a version of ${modelKey} from ${dates.effectiveDate} comes earlier in the file`, code: "duplicate" });
      versions.add(version);
      prices.push({
        kind: "list",
        provider,
        modelKey,
        // "GPT-5.4 ≤272k" names the base price of a model whose tiers are now folded into it.
        name: longContext.length > 0 ? model.name.replace(/\s*≤\s*\d+k$/, "") : model.name,
        inputUsdPerMTok: segment.input,
        outputUsdPerMTok: segment.output,
        ...(typeof segment.input_cached === "number" ? { cachedInputUsdPerMTok: segment.input_cached } : {}),
        ...(longContext.length > 0 ? { longContext: longContext.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens) } : {}),
        ...dates,
        status: "claimed",
      });
    });
  }
  if (allow) {
    for (const id of allow) if (!byId.has(id)) warnings.push(`allowlisted id "${id}" is not in the file`);
  }
  if (prices.length === 0) return fail("models", "no model with usable prices");

  return feedFile(
    {
      title: `llm-prices ${vendor}.json (Simon Willison), read ${readOn}`,
      url: `https://github.com/simonw/llm-prices/blob/main/data/${vendor}.json`,
      publishedAt: readOn,
    },
    opts.data.source,
    prices,
    warnings,
    skipped,
  );
}
