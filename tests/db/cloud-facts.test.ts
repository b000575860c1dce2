/**
 * Cloud facts on the seeded database: a price shows the quality and speed a
 * source gave for its model, each with that source, and the plan compares the
 * edge and the cloud on the same quality metric.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCloudFacts } from "@/db/queries/cloud-facts";
import { listCloudPrices } from "@/db/queries/prices";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { buildPriceQuality } from "@/lib/charts/price-quality";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { groupPriceVersions } from "@/lib/pricing/price-history";
import type { PriceResponse } from "@/lib/schemas/api";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { createSeededTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("cloud facts in the seeded dataset", () => {
  let temp: TempDatabase;
  let prices: PriceResponse[];
  let snapshot: DatasetSnapshot;
  beforeAll(async () => {
    temp = await createSeededTempDatabase();
    prices = await listCloudPrices(temp.db, { asOf: "2026-11-29" });
    snapshot = await loadDatasetSnapshot(temp.db, { asOf: "2026-11-29" });
  });
  afterAll(() => temp.close());

  const price = (key: string) => {
    const found = prices.find((p) => p.key === key);
    if (!found) throw new Error(`no current price ${key}`);
    return found;
  };

  it("fills a LiteLLM price's quality and speed from the facts, naming their sources", () => {
    const gpt = price("openai/gpt-4.1");
    // the newest list price: llm-prices' (2026-08-05) over LiteLLM's (2026-07-24)
    expect(gpt.source.title).toMatch(/llm-prices/i);
    expect([gpt.quality.mmlu, gpt.ttftMs, gpt.tokensPerSec]).toEqual([90.2, 520, 89]);
    expect(gpt.figureSources?.quality.mmlu?.source.title).toBe("OpenAI simple-evals benchmark results (openai/simple-evals README)");
    expect(gpt.figureSources?.ttftMs?.source.title).toMatch(/^GPT-4\.1 model overview/);
    expect(gpt.figureSources?.ttftMs?.status).toBe("claimed");
  });

  it("gives the seed articles' four cloud models a first-token time and a speed", () => {
    const speeds = ["openai/gpt-4.1", "anthropic/claude-sonnet-4-5", "gemini/gemini-2.5-flash", "deepseek/deepseek-v3.2"].map(
      (key) => [key, price(key).ttftMs, price(key).tokensPerSec],
    );
    expect(speeds).toEqual([
      ["openai/gpt-4.1", 520, 89],
      ["anthropic/claude-sonnet-4-5", 2090, 72],
      ["gemini/gemini-2.5-flash", 300, 223],
      ["deepseek/deepseek-v3.2", 1130, 27],
    ]);
  });

  it("plots every current price that has an MMLU score on the price-vs-quality chart", () => {
    const models = groupPriceVersions(prices);
    const chart = buildPriceQuality(models, "mmlu");
    // simple-evals: 4 OpenAI prices; the Llama 3.2 card: Groq's 3.1 8B, DeepInfra's 3.2 3B, SambaNova's 3.2 1B;
    // the Phi-4-mini card: Azure's Phi-4-mini and Phi-3.5-mini, DeepInfra's Qwen2.5 7B = 10
    expect(chart.points.map((p) => p.key).sort()).toEqual([
      "azure_ai/Phi-3.5-mini-instruct",
      "azure_ai/Phi-4-mini-instruct",
      "deepinfra/Qwen/Qwen2.5-7B-Instruct",
      "deepinfra/meta-llama/Llama-3.2-3B-Instruct",
      "groq/llama-3.1-8b-instant",
      "openai/gpt-4.1",
      "openai/gpt-4.1-mini",
      "openai/gpt-4.1-nano",
      "openai/gpt-4o-mini",
      "sambanova/Meta-Llama-3.2-1B-Instruct",
    ]);
    expect(chart.withoutScore).toBe(models.length - 10);
  });

  const scenario = (cloudPrice: string) =>
    scenarioSchema.parse({
      version: 1,
      qualityMetric: "mmlu",
      traffic: { monthlyActiveUsers: 10000, requestsPerUserPerDay: 5, activeDaysPerMonth: 20 },
      tiers: [
        { id: "simple", share: 0.5, inputTokens: 100, outputTokens: 50, minQuality: 0 },
        { id: "hard", share: 0.5, inputTokens: 300, outputTokens: 100, minQuality: 70 },
      ],
      devices: [{ device: "samsung-galaxy-s24-ultra", share: 1 }],
      edge: { variant: "phi-4-q4", runtime: "ONNX Runtime" },
      cloud: { price: cloudPrice },
    });

  it("routes a 70 % minimum-quality tier to the edge where the edge model's sourced score meets it", () => {
    const plan = planScenario(scenario("openai/gpt-4.1"), snapshot, { tornado: false });
    // phi-4-q4 scores 78.2 on MMLU (seed 001) ≥ 70; it needs 4,800 MB ≤ 12 GB × 0.5 = 6,000 MB on the S24 Ultra
    expect(plan.inputs["edge.variant.quality"]).toMatchObject({ value: 78.2, status: "claimed" });
    const hard = plan.strategies.hybrid.cells.find((c) => c.tierId === "hard" && c.deviceId === "samsung-galaxy-s24-ultra");
    expect(hard?.target).toBe("edge");
    expect(hard?.violations ?? []).not.toContain("quality");
    // gpt-4.1 scores 90.2 ≥ 70: nothing to warn about on the cloud side
    expect(plan.recommendation.warnings.filter((w) => /mmlu/.test(w))).toEqual([]);
    expect(plan.inputs["cloud.price.quality"]).toMatchObject({ value: 90.2, status: "claimed" });
    expect(plan.inputs["cloud.price.quality"]?.source).toBe("OpenAI simple-evals benchmark results (openai/simple-evals README)");
  });

  it("says so when the cloud model has no score on the metric, or one below a tier's minimum", () => {
    const claude = planScenario(scenario("anthropic/claude-sonnet-4-5"), snapshot, { tornado: false });
    expect(claude.recommendation.warnings).toContain(
      "Claude Sonnet 4 and 4.5 has no mmlu score: whether the cloud meets the minimum quality of hard is not known.",
    );
    const small = planScenario(scenario("sambanova/Meta-Llama-3.2-1B-Instruct"), snapshot, { tornado: false });
    expect(small.recommendation.warnings.some((w) => /scores 49\.3 on mmlu, below the minimum of hard \(70\)/.test(w))).toBe(true);
  });

  it("marks a quantization that inherits its model's score, and keeps one a source measured", () => {
    const q4 = snapshot.variants.find((v) => v.modelId === "phi-4-mini" && v.quantization === "Q4_0");
    expect(q4?.quality.mmlu).toEqual({
      score: 67.3,
      provenance: {
        status: "claimed",
        source: "Phi-4-mini-instruct model card: benchmark table against models of similar and twice the size (Microsoft) (the model's score; Q4_0 inherits it)",
        sourceId: expect.any(Number),
      },
    });
    const spinquant = snapshot.variants.find((v) => v.id === "llama-3.2-1b-spinquant");
    // measured for this quantization by Meta: 47.3, not the bf16 model's 49.3
    expect(spinquant?.quality.mmlu?.score).toBe(47.3);
    expect(spinquant?.quality.mmlu?.provenance.source).not.toMatch(/inherits/);
  });

  it("plans the cloud with the sourced speed instead of the 500 ms / 60 tokens/s defaults", () => {
    const plan = planScenario(scenario("anthropic/claude-sonnet-4-5"), snapshot, { tornado: false });
    expect(plan.inputs["cloud.price.ttftMs"]).toMatchObject({ value: 2090, status: "claimed" });
    expect(plan.inputs["cloud.price.tokensPerSec"]).toMatchObject({ value: 72, status: "claimed" });
    const cloudCell = plan.strategies.cloudOnly.cells.find((c) => c.tierId === "simple");
    // 80 ms RTT + 2090 ms + 1000·50/72 ms = 2864.444… ms
    expect(cloudCell?.latencyMs).toBeCloseTo(80 + 2090 + (1000 * 50) / 72, 9);
  });
});

describe("withCloudFacts", () => {
  const from = { status: "claimed" as const, source: { id: 9, kind: "research" as const, title: "A benchmark", url: null }, measuredAt: "2025-11-20" };
  const base: PriceResponse = {
    id: 1, key: "p/m", provider: "p", modelKey: "m", name: "m", inputUsdPerMTok: 1, outputUsdPerMTok: 2,
    cachedInputUsdPerMTok: null, batchDiscountPct: null, batchInputUsdPerMTok: null, batchOutputUsdPerMTok: null,
    cacheWriteUsdPerMTok: null, longContext: [], tiersFrom: null, kind: "list", ttftMs: 300, tokensPerSec: null, contextLength: null,
    quality: { mmlu: 70 }, effectiveDate: "2026-01-01", effectiveDateBasis: "took-effect", effectiveUntil: null, status: "claimed", current: true,
    source: { id: 1, kind: "feed", title: "feed", url: null },
  };

  it("keeps the price row's own figures and fills only the missing ones, each with its source", () => {
    const merged = withCloudFacts(base, {
      ttftMs: { value: 900, from },
      tokensPerSec: { value: 50, from },
      quality: { mmlu: { value: 99, from }, gpqa_diamond: { value: 40, from } },
    });
    expect([merged.ttftMs, merged.tokensPerSec, merged.quality]).toEqual([300, 50, { mmlu: 70, gpqa_diamond: 40 }]);
    expect(merged.figureSources).toEqual({ tokensPerSec: from, quality: { gpqa_diamond: from } });
  });
});
