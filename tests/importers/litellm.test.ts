import { describe, expect, it } from "vitest";
import { importLiteLLM } from "@/lib/importers/litellm";
import type { ImportResult } from "@/lib/importers/result";
import { LITELLM, readData } from "./files";

function okFile(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const feed = readData(LITELLM);
const countBy = (codes: string[]) => codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

describe("importLiteLLM on the real feed of 2026-07-24", () => {
  const r = okFile(importLiteLLM(feed, { effectiveDate: "2026-07-24" }));

  it("skips and counts the feed's traps instead of guessing", () => {
    expect(countBy(r.skipped.map((s) => s.code))).toEqual({
      // FORMATS.md: 114 chat entries lack an input field; 18 of them are priced by tiered_pricing alone
      no_input_price: 96,
      zero_input_price: 74, // and 74 are 0: unknown, not free
      per_million_in_per_token_field: 16, // about 16 hold per-million values
      duplicate: 13, // "deepseek-chat" and "deepseek/deepseek-chat" … land on one provider/model pair
    });
    // 2,285 chat entries = 2,086 prices + 96 + 74 + 16 + 13 skipped
    expect(r.file.prices).toHaveLength(2086);
  });

  it("leaves out non-chat entries and the two non-model keys", () => {
    expect(r.warnings.some((w) => w.startsWith("entries that are not chat models were left out: 209 image_generation, 124 embedding"))).toBe(true);
    expect(r.file.prices.some((p) => p.name === "sample_spec" || p.name === "fallback_generalizations")).toBe(false);
  });

  it("converts USD per token to USD per 1M tokens", () => {
    // gpt-4.1: input 2e-6, output 8e-6, cache read 5e-7, batch input 1e-6, batch output 4e-6 USD per token
    expect(r.file.prices.find((p) => p.name === "gpt-4.1")).toEqual({
      kind: "list",
      effectiveDateBasis: "took-effect",
      batchInputUsdPerMTok: 1,
      batchOutputUsdPerMTok: 4,
      provider: "openai",
      modelKey: "gpt-4.1",
      name: "gpt-4.1",
      inputUsdPerMTok: 2,
      outputUsdPerMTok: 8,
      cachedInputUsdPerMTok: 0.5,
      batchDiscountPct: 50, // (1 − 1e-6 / 2e-6) × 100
      contextLength: 1047576,
      effectiveDate: "2026-07-24",
      status: "claimed",
    });
  });

  it("keeps the long-context tier above 200k prompt tokens and the cache-write price", () => {
    // claude-sonnet-4-5: input 3e-6, output 1.5e-5, cache write 3.75e-6;
    // above 200k: input 6e-6, output 2.25e-5, cache read 6e-7 USD per token
    expect(r.file.prices.find((p) => p.name === "claude-sonnet-4-5")).toMatchObject({
      inputUsdPerMTok: 3,
      outputUsdPerMTok: 15,
      cacheWriteUsdPerMTok: 3.75,
      longContext: [{ aboveInputTokens: 200_000, inputUsdPerMTok: 6, outputUsdPerMTok: 22.5, cachedInputUsdPerMTok: 0.6 }],
    });
  });

  it("reads tiered_pricing ranges as long-context tiers", () => {
    // dashscope/qwen-flash: [0, 256000] at 5e-8 / 4e-7, [256000, 1e6] at 2.5e-7 / 2e-6 USD per token
    expect(r.file.prices.find((p) => p.name === "dashscope/qwen-flash")?.longContext).toEqual([
      { aboveInputTokens: 256_000, inputUsdPerMTok: 0.25, outputUsdPerMTok: 2 },
    ]);
  });

  it("strips the provider prefix from the key and removes binary noise", () => {
    // gemini/gemini-2.5-flash: 3e-7 × 1e6 is 0.29999999999999993 in floating point
    expect(r.file.prices.find((p) => p.name === "gemini/gemini-2.5-flash")).toMatchObject({
      provider: "gemini",
      modelKey: "gemini-2.5-flash",
      inputUsdPerMTok: 0.3,
      outputUsdPerMTok: 2.5,
      cachedInputUsdPerMTok: 0.03,
    });
  });

  it("keeps one model under several providers as several rows", () => {
    const flash = r.file.prices.filter((p) => p.modelKey === "gemini-2.5-flash");
    expect(flash.map((p) => p.provider).sort()).toEqual(["gemini", "vertex_ai-language-models"]);
  });

  it("takes DeepSeek's cache-hit price when there is no cache-read price", () => {
    // deepseek/deepseek-v3.2: cache_read_input_token_cost absent, input_cost_per_token_cache_hit 2.8e-8
    expect(r.file.prices.find((p) => p.name === "deepseek/deepseek-v3.2")?.cachedInputUsdPerMTok).toBe(0.028);
  });

  it("skips a per-million value in a per-token field", () => {
    // wandb/meta-llama/Llama-3.1-8B-Instruct: 0.022 "per token" = $22,000 per 1M
    expect(r.skipped).toContainEqual(
      expect.objectContaining({ where: "wandb/meta-llama/Llama-3.1-8B-Instruct", code: "per_million_in_per_token_field" }),
    );
    expect(r.file.prices.every((p) => (p.inputUsdPerMTok ?? 0) <= 200 && p.outputUsdPerMTok <= 1000)).toBe(true);
  });
});

describe("importLiteLLM options and bad input", () => {
  it("imports only allowlisted keys and warns about missing ones", () => {
    const r = okFile(importLiteLLM(feed, { effectiveDate: "2026-07-24", allowlist: ["gpt-4.1", "deepseek-chat", "no-such-model"] }));
    expect(r.file.prices.map((p) => `${p.provider}/${p.modelKey}`).sort()).toEqual(["deepseek/deepseek-chat", "openai/gpt-4.1"]);
    expect(r.warnings).toContain('allowlisted key "no-such-model" is not in the file');
  });

  it("needs the feed's date", () => {
    const r = importLiteLLM(feed, { effectiveDate: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ where: "options.effectiveDate", code: "option_required" });
  });

  it("skips negative prices", () => {
    const r = okFile(
      importLiteLLM(
        { a: { litellm_provider: "x", mode: "chat", input_cost_per_token: -1e-6, output_cost_per_token: 1e-6 }, b: { litellm_provider: "x", mode: "chat", input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 } },
        { effectiveDate: "2026-07-24" },
      ),
    );
    expect(r.skipped).toEqual([{ where: "a", reason: "negative price", code: "negative_price" }]);
    expect(r.file.prices).toHaveLength(1);
  });

  it("refuses __proto__ keys", () => {
    const r = importLiteLLM('{"__proto__": {"mode": "chat"}, "m": {"mode": "chat"}}', { effectiveDate: "2026-07-24" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.where).toBe("__proto__");
  });
});
