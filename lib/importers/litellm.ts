/**
 * LiteLLM's model_prices_and_context_window.json → native cloud prices.
 *
 * - Only `mode: "chat"` entries; `sample_spec` and `fallback_generalizations` are not models.
 * - provider = litellm_provider; modelKey = the key without a leading
 *   "<provider>/" ("gemini/gemini-2.5-flash" → gemini, "gemini-2.5-flash").
 *   The same model under several providers stays several rows, one per
 *   (provider, modelKey): prices differ by provider. Two keys that land on the
 *   same pair ("deepseek-chat" and "deepseek/deepseek-chat") keep the first in
 *   file order, with a warning when their prices differ.
 * - The file has no dates per entry: the feed's date is the effective date (an option).
 * - Skipped, never guessed: no input price or an input price of 0 (unknown,
 *   not free), no output price, negative prices, and per-million values in
 *   per-token fields (input > 2e-4 or output > 1e-3 USD per token).
 * - cached input = cache_read_input_token_cost, else input_cost_per_token_cache_hit (DeepSeek).
 * - Kept with the price: batch prices (`*_batches`), the cache-write price
 *   (cache_creation_input_token_cost) and long-context tiers: `*_above_<N>k_tokens`
 *   (the whole request billed at the tier once the prompt passes N·1000 tokens) and
 *   `tiered_pricing` ranges (a range [a, b] with a > 0 is a tier above a tokens).
 *   Service tiers (`*_priority`, `*_flex`) and the 1-hour cache are not plannable yet: ignored.
 * - Status "claimed": a list price is the vendor's number, not something measured.
 */
import { z } from "zod";
import type { LongContextPriceInput, PriceInput } from "@/lib/schemas/benchmark-file";
import { feedFile, parseFeedOptions } from "./feed";
import { isRecord, readInput } from "./json";
import { effectiveDateSchema, sourceOverrideSchema } from "./options";
import { batchDiscountPct, perMillion, suspectPerMillion } from "./prices";
import { fail, failure, type ImportResult, type ImportSkip } from "./result";

export const litellmOptionsSchema = z.strictObject({
  effectiveDate: effectiveDateSchema,
  /** Import only these keys of the file (exactly as the file spells them). */
  allowlist: z.array(z.string().min(1)).optional(),
  source: sourceOverrideSchema.optional(),
});
export type LiteLLMOptions = z.infer<typeof litellmOptionsSchema>;

const NON_MODEL_KEYS = new Set(["sample_spec", "fallback_generalizations"]);

type Entry = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const nonNegativeNum = (v: unknown): number | undefined => {
  const n = num(v);
  return n !== undefined && n >= 0 ? n : undefined;
};

function baseTier(e: Entry): Entry | undefined {
  if (!Array.isArray(e.tiered_pricing)) return undefined;
  return e.tiered_pricing.find((t): t is Entry => isRecord(t) && Array.isArray(t.range) && t.range[0] === 0);
}

const ABOVE_FIELD = /^input_cost_per_token_above_(\d+)k_tokens$/;

/**
 * Long-context tiers, lowest threshold first. `*_above_200k_tokens` means "above 200,000
 * prompt tokens"; a tier without its own output or cached price leaves those as they are.
 */
function longContextTiers(e: Entry): LongContextPriceInput[] {
  const tiers = new Map<number, LongContextPriceInput>();
  for (const field of Object.keys(e)) {
    const match = ABOVE_FIELD.exec(field);
    const input = nonNegativeNum(e[field]);
    if (!match || input === undefined) continue;
    const k = `above_${match[1]}k_tokens`;
    const output = nonNegativeNum(e[`output_cost_per_token_${k}`]);
    const cached = nonNegativeNum(e[`cache_read_input_token_cost_${k}`]);
    const above = Number(match[1]) * 1000;
    tiers.set(above, {
      aboveInputTokens: above,
      inputUsdPerMTok: perMillion(input),
      ...(output !== undefined ? { outputUsdPerMTok: perMillion(output) } : {}),
      ...(cached !== undefined ? { cachedInputUsdPerMTok: perMillion(cached) } : {}),
    });
  }
  if (Array.isArray(e.tiered_pricing)) {
    for (const tier of e.tiered_pricing) {
      if (!isRecord(tier) || !Array.isArray(tier.range)) continue;
      const from = num(tier.range[0]);
      const input = nonNegativeNum(tier.input_cost_per_token);
      if (from === undefined || !(from > 0) || !Number.isInteger(from) || input === undefined || tiers.has(from)) continue;
      const output = nonNegativeNum(tier.output_cost_per_token);
      const cached = nonNegativeNum(tier.cache_read_input_token_cost);
      tiers.set(from, {
        aboveInputTokens: from,
        inputUsdPerMTok: perMillion(input),
        ...(output !== undefined ? { outputUsdPerMTok: perMillion(output) } : {}),
        ...(cached !== undefined ? { cachedInputUsdPerMTok: perMillion(cached) } : {}),
      });
    }
  }
  return [...tiers.values()].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens).slice(0, 8);
}

export function importLiteLLM(input: unknown, options: LiteLLMOptions): ImportResult {
  const opts = parseFeedOptions(litellmOptionsSchema, options, "the feed's date (YYYY-MM-DD) is required: LiteLLM entries carry no dates");
  if (!opts.ok) return opts.failure;
  const read = readInput(input);
  if (!read.ok) return failure(read.errors);
  if (!isRecord(read.value)) return fail("(file)", "expected an object keyed by model name");
  const feed = read.value;

  const allow = opts.data.allowlist ? new Set(opts.data.allowlist) : null;
  const warnings: string[] = [];
  const skipped: ImportSkip[] = [];
  const prices: PriceInput[] = [];
  const seen = new Map<string, { key: string; price: PriceInput }>();
  const otherModes = new Map<string, number>();

  for (const [key, value] of Object.entries(feed)) {
    if (NON_MODEL_KEYS.has(key) || (allow && !allow.has(key))) continue;
    if (!isRecord(value)) {
      skipped.push({ where: key, reason: "not an object", code: "not_an_entry" });
      continue;
    }
    if (value.mode !== "chat") {
      const mode = typeof value.mode === "string" ? value.mode : "(none)";
      otherModes.set(mode, (otherModes.get(mode) ?? 0) + 1);
      continue;
    }
    const price = toPrice(key, value, opts.data.effectiveDate);
    if ("skip" in price) {
      skipped.push(price.skip);
      continue;
    }
    const pair = `${price.provider}/${price.modelKey}`;
    const earlier = seen.get(pair);
    if (earlier) {
      const same = ["inputUsdPerMTok", "outputUsdPerMTok", "cachedInputUsdPerMTok"].every(
        (f) => earlier.price[f as keyof PriceInput] === price[f as keyof PriceInput],
      );
      if (!same) warnings.push(`"${key}" and "${earlier.key}" are both ${pair} at different prices; "${earlier.key}" (first in the file) is kept`);
      skipped.push({ where: key, reason: `same provider and model as "${earlier.key}"`, code: "duplicate" });
      continue;
    }
    seen.set(pair, { key, price });
    prices.push(price);
  }

  if (otherModes.size > 0) {
    const list = [...otherModes].map(([mode, n]) => `${n} ${mode}`).join(", ");
    warnings.push(`entries that are not chat models were left out: ${list}`);
  }
  if (allow) {
    for (const key of allow) if (!(key in feed)) warnings.push(`allowlisted key "${key}" is not in the file`);
  }
  if (prices.length === 0) return fail("(file)", "no chat model with usable prices");

  return feedFile(
    {
      title: `LiteLLM model_prices_and_context_window.json of ${opts.data.effectiveDate}`,
      url: "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
      publishedAt: opts.data.effectiveDate,
    },
    opts.data.source,
    prices,
    warnings,
    skipped,
  );
}

function toPrice(key: string, e: Entry, effectiveDate: string): PriceInput | { skip: ImportSkip } {
  const skip = (code: string, reason: string) => ({ skip: { where: key, reason, code } });
  const provider = typeof e.litellm_provider === "string" && e.litellm_provider !== "" ? e.litellm_provider : null;
  if (!provider) return skip("no_provider", "no litellm_provider");
  // An entry priced only by tiered_pricing has its base price in the range that starts at 0.
  const base = baseTier(e);
  const input = num(e.input_cost_per_token) ?? num(base?.input_cost_per_token);
  const output = num(e.output_cost_per_token) ?? num(base?.output_cost_per_token);
  if (input === undefined) return skip("no_input_price", "no input price (unknown, not free)");
  if (input === 0) return skip("zero_input_price", "input price 0 (unknown, not free)");
  if (output === undefined) return skip("no_output_price", "no output price");
  if (input < 0 || output < 0) return skip("negative_price", "negative price");
  if (suspectPerMillion(input, output)) {
    return skip("per_million_in_per_token_field", `per-token fields hold per-million-looking values (input ${input}, output ${output} USD per token)`);
  }
  const cached = num(e.cache_read_input_token_cost) ?? num(e.input_cost_per_token_cache_hit);
  const batchInput = nonNegativeNum(e.input_cost_per_token_batches);
  const batchOutput = nonNegativeNum(e.output_cost_per_token_batches);
  const batch = batchDiscountPct(input, batchInput);
  const cacheWrite = nonNegativeNum(e.cache_creation_input_token_cost);
  const longContext = longContextTiers(e);
  const context = num(e.max_input_tokens);
  return {
    kind: "list",
    effectiveDateBasis: "took-effect",
    provider,
    modelKey: key.startsWith(`${provider}/`) ? key.slice(provider.length + 1) : key,
    name: key.slice(0, 200),
    inputUsdPerMTok: perMillion(input),
    outputUsdPerMTok: perMillion(output),
    ...(cached !== undefined && cached >= 0 ? { cachedInputUsdPerMTok: perMillion(cached) } : {}),
    ...(batch !== undefined ? { batchDiscountPct: batch } : {}),
    ...(batchInput !== undefined ? { batchInputUsdPerMTok: perMillion(batchInput) } : {}),
    ...(batchOutput !== undefined ? { batchOutputUsdPerMTok: perMillion(batchOutput) } : {}),
    ...(cacheWrite !== undefined ? { cacheWriteUsdPerMTok: perMillion(cacheWrite) } : {}),
    ...(longContext.length > 0 ? { longContext } : {}),
    ...(context !== undefined && Number.isInteger(context) && context > 0 ? { contextLength: context } : {}),
    effectiveDate,
    status: "claimed",
  };
}
