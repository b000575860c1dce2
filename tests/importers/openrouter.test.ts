import { describe, expect, it } from "vitest";
import { importOpenRouter } from "@/lib/importers/openrouter";
import type { ImportResult } from "@/lib/importers/result";
import { OPENROUTER, readData } from "./files";

function okFile(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const response = readData(OPENROUTER);

describe("importOpenRouter on the real response of 2026-08-01", () => {
  const r = okFile(importOpenRouter(response, { effectiveDate: "2026-08-01" }));

  it("skips the -1 sentinel as unknown and never stores a negative price", () => {
    const unknown = r.skipped.filter((s) => s.code === "unknown_price").map((s) => s.where);
    // the five router models priced "-1"
    expect(unknown).toHaveLength(5);
    expect(unknown.every((w) => w.includes("(openrouter/"))).toBe(true);
    expect(r.file.prices.every((p) => (p.inputUsdPerMTok ?? 0) >= 0 && p.outputUsdPerMTok >= 0)).toBe(true);
  });

  it("splits the id into provider and model key and converts the strings to USD per 1M", () => {
    // openai/gpt-4.1: prompt "0.000002", completion "0.000008", input_cache_read "0.0000005"
    expect(r.file.prices.find((p) => p.provider === "openai" && p.modelKey === "gpt-4.1")).toEqual({
      kind: "list",
      effectiveDateBasis: "took-effect",
      provider: "openai",
      modelKey: "gpt-4.1",
      name: "OpenAI: GPT-4.1",
      inputUsdPerMTok: 2,
      outputUsdPerMTok: 8,
      cachedInputUsdPerMTok: 0.5,
      contextLength: 1047576,
      effectiveDate: "2026-08-01",
      status: "claimed",
    });
  });

  it("leaves out free tiers and -latest aliases with their reasons", () => {
    const codes = r.skipped.map((s) => s.code);
    expect(codes.filter((c) => c === "free_tier")).toHaveLength(14); // ids ending in ":free"
    expect(codes.filter((c) => c === "alias")).toHaveLength(10); // ids starting with "~"
    expect(r.file.prices.some((p) => p.modelKey.endsWith(":free"))).toBe(false);
    // 336 models = 304 prices + 14 free + 10 aliases + 5 unknown + 3 zero input
    expect(r.file.prices).toHaveLength(304);
  });
});

describe("importOpenRouter on bad input", () => {
  const one = (pricing: Record<string, unknown>) => ({ data: [{ id: "acme/small", name: "Acme Small", pricing }] });

  it("names the model and field of a price that is not a decimal string", () => {
    const r = importOpenRouter(one({ prompt: "cheap", completion: "0.000001" }), { effectiveDate: "2026-08-01" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ where: "data[0] (acme/small).pricing.prompt", message: "expected a decimal string of USD per token" }]);
  });

  it("treats any negative price as unknown", () => {
    const r = importOpenRouter({ data: [...one({ prompt: "-1", completion: "0.000001" }).data, { id: "acme/b", pricing: { prompt: "0.000001", completion: "0.000002" } }] }, { effectiveDate: "2026-08-01" });
    const ok = okFile(r);
    expect(ok.skipped[0]).toMatchObject({ code: "unknown_price" });
    expect(ok.file.prices).toHaveLength(1);
  });

  it("needs the fetch date", () => {
    const r = importOpenRouter(response, { effectiveDate: "01/08/2026" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ where: "options.effectiveDate", code: "option_required" });
  });
});
