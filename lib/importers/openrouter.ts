/**
 * OpenRouter's GET /api/v1/models → native cloud prices.
 *
 * - Prices are decimal strings in USD per token; "-1" means unknown (router
 *   models): skipped, never stored as a negative price. Any other string that
 *   is not a decimal number is an error of the file.
 * - provider and modelKey come from the id: "openai/gpt-4.1" → provider
 *   "openai", modelKey "gpt-4.1". The price is what OpenRouter charges for that
 *   vendor's model (for first-party models it passes the vendor's list price on).
 * - Same model, several entries: a ":free" entry is a rate-limited free tier,
 *   not a price to plan production traffic with, and a "~vendor/…-latest" entry
 *   is an alias that moves to newer models; both are skipped when the paid,
 *   dated entry exists and otherwise too (with the reason). Variants with a
 *   pricing mode of their own (":thinking", ":extended") stay separate rows.
 *   A repeated id keeps its first entry.
 * - Zero input price on a paid model: skipped (unknown, not free), like LiteLLM.
 * - Tiered `pricing.overrides` (long prompts) have no native field yet: ignored.
 */
import { z } from "zod";
import type { PriceInput } from "@/lib/schemas/benchmark-file";
import { feedFile, parseFeedOptions } from "./feed";
import { isRecord, readInput } from "./json";
import { effectiveDateSchema, sourceOverrideSchema } from "./options";
import { perMillion, suspectPerMillion } from "./prices";
import { fail, failure, type ImportIssue, type ImportResult, type ImportSkip } from "./result";

export const openrouterOptionsSchema = z.strictObject({
  effectiveDate: effectiveDateSchema,
  /** Import only these ids ("openai/gpt-4.1"). */
  allowlist: z.array(z.string().min(1)).optional(),
  source: sourceOverrideSchema.optional(),
});
export type OpenRouterOptions = z.infer<typeof openrouterOptionsSchema>;

const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A price string: a number, "unknown" for the -1 sentinel, or an error for anything else. */
function readPrice(value: unknown): number | "unknown" | "missing" | "invalid" {
  if (value === undefined || value === null) return "missing";
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text.trim())) return "invalid";
  const n = Number(text);
  if (!Number.isFinite(n)) return "invalid";
  return n < 0 ? "unknown" : n;
}

export function importOpenRouter(input: unknown, options: OpenRouterOptions): ImportResult {
  const opts = parseFeedOptions(openrouterOptionsSchema, options, "the response's fetch date (YYYY-MM-DD) is required");
  if (!opts.ok) return opts.failure;
  const read = readInput(input);
  if (!read.ok) return failure(read.errors);
  if (!isRecord(read.value) || !Array.isArray(read.value.data)) return fail("data", "expected { \"data\": [ …models ] }");
  const models = read.value.data;
  const allow = opts.data.allowlist ? new Set(opts.data.allowlist) : null;

  const errors: ImportIssue[] = [];
  const skipped: ImportSkip[] = [];
  const prices: PriceInput[] = [];
  const seen = new Set<string>();

  models.forEach((m, index) => {
    const at = `data[${index}]`;
    if (!isRecord(m) || typeof m.id !== "string" || m.id === "") {
      errors.push({ where: `${at}.id`, message: "expected a model with an id" });
      return;
    }
    if (allow && !allow.has(m.id)) return;
    const where = `${at} (${m.id})`;
    const skip = (code: string, reason: string) => skipped.push({ where, reason, code });
    if (m.id.endsWith(":free")) return skip("free_tier", "free tier with rate limits, not a plannable price");
    if (m.id.startsWith("~")) return skip("alias", "alias that moves to newer models");
    const slash = m.id.indexOf("/");
    if (slash <= 0 || slash === m.id.length - 1) {
      errors.push({ where: `${at}.id`, message: `expected "vendor/model", got ${JSON.stringify(m.id)}` });
      return;
    }
    const pricing = isRecord(m.pricing) ? m.pricing : {};
    const input = readPrice(pricing.prompt);
    const output = readPrice(pricing.completion);
    const cached = readPrice(pricing.input_cache_read);
    for (const [field, value] of [["prompt", input], ["completion", output], ["input_cache_read", cached]] as const) {
      if (value === "invalid") errors.push({ where: `${where}.pricing.${field}`, message: "expected a decimal string of USD per token" });
    }
    if (input === "invalid" || output === "invalid" || cached === "invalid") return;
    if (input === "unknown" || output === "unknown") return skip("unknown_price", 'price "-1": unknown (a router picks the model)');
    if (input === "missing" || output === "missing") return skip("no_price", "no prompt or completion price");
    if (input === 0) return skip("zero_input_price", "input price 0 (unknown, not free)");
    if (suspectPerMillion(input, output)) return skip("per_million_in_per_token_field", "prices too high to be per token");
    if (seen.has(m.id)) return skip("duplicate", "the same id appears earlier in the file");
    seen.add(m.id);

    const context = typeof m.context_length === "number" && Number.isInteger(m.context_length) && m.context_length > 0 ? m.context_length : undefined;
    prices.push({
      kind: "list",
      effectiveDateBasis: "took-effect",
      provider: m.id.slice(0, slash),
      modelKey: m.id.slice(slash + 1),
      name: (typeof m.name === "string" && m.name.trim() !== "" ? m.name : m.id).slice(0, 200),
      inputUsdPerMTok: perMillion(input),
      outputUsdPerMTok: perMillion(output),
      ...(typeof cached === "number" ? { cachedInputUsdPerMTok: perMillion(cached) } : {}),
      ...(context ? { contextLength: context } : {}),
      effectiveDate: opts.data.effectiveDate,
      status: "claimed",
    });
  });
  if (errors.length > 0) return failure(errors);
  if (prices.length === 0) return fail("data", "no model with usable prices");

  return feedFile(
    {
      title: `OpenRouter /api/v1/models of ${opts.data.effectiveDate}`,
      url: "https://openrouter.ai/api/v1/models",
      publishedAt: opts.data.effectiveDate,
    },
    opts.data.source,
    prices,
    [],
    skipped,
  );
}
