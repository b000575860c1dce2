import { describe, expect, it } from "vitest";
import { importText } from "@/lib/importers/detect";
import { importLlmPrices } from "@/lib/importers/llm-prices";
import type { ImportResult } from "@/lib/importers/result";
import { LLM_PRICES, readData } from "./files";

function okFile(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const READ_ON = "2026-08-05";

describe("importLlmPrices on the real vendor files of 2026-08-05", () => {
  const openai = okFile(importLlmPrices(readData(LLM_PRICES("openai")), { effectiveDate: READ_ON }));

  it("turns a dated change into two versions: the old one in force until the change, the new one from it", () => {
    // gpt-5.6-terra: $2.50 / $15 (cached $0.25) until 2026-07-30, then $2 / $12 (cached $0.20); no start for the first.
    const terra = openai.file.prices.filter((p) => p.modelKey === "gpt-5.6-terra");
    expect(terra.map((p) => [p.effectiveDate, p.effectiveDateBasis, p.effectiveUntil, p.inputUsdPerMTok, p.outputUsdPerMTok, p.cachedInputUsdPerMTok])).toEqual([
      // ended before the file was read: in force on the day before its end (2026-07-30 − 1 day)
      ["2026-07-29", "in-force-on", "2026-07-30", 2.5, 15, 0.25],
      ["2026-07-30", "took-effect", undefined, 2, 12, 0.2],
    ]);
  });

  it("folds the >272k entry into its base model as a long-context tier of the same dates", () => {
    // gpt-5.6-terra-272k: $5 / $22.50 until 2026-07-30, then $4 / $18
    const terra = openai.file.prices.filter((p) => p.modelKey === "gpt-5.6-terra");
    expect(terra.map((p) => p.longContext)).toEqual([
      [{ aboveInputTokens: 272_000, inputUsdPerMTok: 5, outputUsdPerMTok: 22.5, cachedInputUsdPerMTok: 0.5 }],
      [{ aboveInputTokens: 272_000, inputUsdPerMTok: 4, outputUsdPerMTok: 18, cachedInputUsdPerMTok: 0.4 }],
    ]);
    expect(terra[0]?.name).toBe("GPT-5.6 Terra");
    expect(openai.file.prices.some((p) => p.modelKey.endsWith("-272k"))).toBe(false);
  });

  it("stores an undated price as in force on the day the file was read", () => {
    expect(openai.file.prices.find((p) => p.modelKey === "gpt-4.1")).toEqual({
      kind: "list",
      provider: "openai",
      modelKey: "gpt-4.1",
      name: "GPT-4.1",
      inputUsdPerMTok: 2,
      outputUsdPerMTok: 8,
      cachedInputUsdPerMTok: 0.5,
      effectiveDate: READ_ON,
      effectiveDateBasis: "in-force-on",
      status: "claimed",
    });
    // 46 entries: 7 "-272k" tiers fold into their bases → 39 models; terra and luna have two segments each → 39 + 2 = 41 versions.
    expect(openai.file.prices).toHaveLength(41);
  });

  it("keeps deepseek-chat's two segments in date order of the file", () => {
    const r = okFile(importLlmPrices(readData(LLM_PRICES("deepseek")), { effectiveDate: READ_ON }));
    // from 2025-02-08: $0.27 / $1.10; before it (no start): $0.14 / $0.28, in force on 2025-02-07
    expect(r.file.prices.filter((p) => p.modelKey === "deepseek-chat").map((p) => [p.effectiveDate, p.inputUsdPerMTok, p.outputUsdPerMTok])).toEqual([
      ["2025-02-08", 0.27, 1.1],
      ["2025-02-07", 0.14, 0.28],
    ]);
  });

  it("renames the provider and model keys as told, and skips an id the file repeats", () => {
    const google = okFile(importLlmPrices(readData(LLM_PRICES("google")), { effectiveDate: READ_ON, provider: "gemini", allowlist: ["gemini-2.5-pro"] }));
    // gemini-2.5-pro ≤200k $1.25 / $10; gemini-2.5-pro-200k $2.50 / $15 (cached $0.25)
    expect(google.file.prices).toMatchObject([
      { provider: "gemini", modelKey: "gemini-2.5-pro", inputUsdPerMTok: 1.25, longContext: [{ aboveInputTokens: 200_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 15 }] },
    ]);
    const anthropic = okFile(
      importLlmPrices(readData(LLM_PRICES("anthropic")), { effectiveDate: READ_ON, modelKeys: { "claude-sonnet-4.5": "claude-sonnet-4-5" }, allowlist: ["claude-sonnet-4.5", "nope"] }),
    );
    expect(anthropic.file.prices.map((p) => `${p.provider}/${p.modelKey}`)).toEqual(["anthropic/claude-sonnet-4-5"]);
    expect(anthropic.warnings).toContain('allowlisted id "nope" is not in the file');
    const xai = okFile(importLlmPrices(readData(LLM_PRICES("xai")), { effectiveDate: READ_ON }));
    expect(xai.skipped).toEqual([{ where: "models[5] (grok-4-fast)", reason: "the same id appears earlier, at models[2]", code: "duplicate" }]);
  });

  it("names the source with the vendor's file", () => {
    expect(openai.file.source).toMatchObject({ kind: "feed", url: "https://github.com/simonw/llm-prices/blob/main/data/openai.json", publishedAt: READ_ON });
  });
});

describe("bad llm-prices files", () => {
  it("names the model and field of a bad price and imports nothing", () => {
    const text = JSON.stringify({ vendor: "acme", models: [{ id: "a", name: "A", price_history: [{ input: "1", output: 2, from_date: null, to_date: null }] }] });
    const r = importLlmPrices(text, { effectiveDate: READ_ON });
    expect(r).toEqual({ ok: false, errors: [{ where: "models[0].price_history[0].input", message: expect.stringContaining("number") }] });
  });

  it("asks for the day the file was read", () => {
    const r = importLlmPrices(readData(LLM_PRICES("qwen")), { effectiveDate: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ where: "options.effectiveDate", code: "option_required" });
  });

  it("skips an input price of 0 as unknown", () => {
    const text = JSON.stringify({ vendor: "acme", models: [{ id: "a", name: "A", price_history: [{ input: 0, output: 2, from_date: null, to_date: null }, { input: 1, output: 2, from_date: "2025-01-01", to_date: null }] }] });
    const r = okFile(importLlmPrices(text, { effectiveDate: READ_ON }));
    expect(r.skipped.map((s) => s.code)).toEqual(["zero_input_price"]);
    expect(r.file.prices.map((p) => p.effectiveDate)).toEqual(["2025-01-01"]);
  });
});

describe("format detection", () => {
  it("recognises an llm-prices vendor file and passes the upload's date as the day it was read", () => {
    const r = importText(readData(LLM_PRICES("anthropic")), { effectiveDate: READ_ON });
    expect(r).toMatchObject({ ok: true, format: "llm-prices" });
  });
});
