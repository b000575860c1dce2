/**
 * What the seed dataset covers once every manifest entry has gone through its
 * importer: devices with runs, phones the planner is asked about, quality
 * scores and cloud facts, with a few sourced values pinned to their documents.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importSeedText, seedManifestSchema } from "@/lib/importers/seed-manifest";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));
const read = (path: string) => readFileSync(dataDir + path, "utf8");
const manifest = seedManifestSchema.parse(JSON.parse(read("seed/manifest.json")));
const loaded: BenchmarkFile[] = manifest.entries.map((entry) => {
  const result = importSeedText(entry, read(entry.file));
  if (!result.ok) throw new Error(`${entry.file}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.file;
});
const all = <T>(pick: (f: BenchmarkFile) => T[]) => loaded.flatMap(pick);
const fileWith = (title: RegExp) => {
  const file = loaded.find((f) => title.test(f.source.title));
  if (!file) throw new Error(`no seed file titled ${title}`);
  return file;
};

const devices = all((f) => f.devices);
const runs = all((f) => f.runs);
const devicesWithRuns = new Set(runs.filter((r) => r.status !== "estimated").map((r) => r.deviceId));

describe("seed coverage", () => {
  it("has 38 devices, every one with a measured or claimed run", () => {
    // 15 devices before + 19 added (4 iPhones, OnePlus 12, Galaxy S24, 2 Snapdragon reference phones,
    // 4 Macs, 2 Framework machines, a GB10, 3 Raspberry Pis, an N150 mini PC) + Galaxy S25 Ultra
    // + iPhone 16e, Galaxy S25, Pixel 9 Pro = 38
    expect(devices).toHaveLength(38);
    expect(devices.filter((d) => !devicesWithRuns.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  it("covers six iPhones, two Pixels, Snapdragon 8 Gen 3 and 8 Elite phones", () => {
    const withRuns = devices.filter((d) => devicesWithRuns.has(d.id));
    expect(withRuns.filter((d) => /iPhone/.test(d.name)).map((d) => d.id).sort()).toEqual([
      "apple-iphone-11",
      "apple-iphone-14-pro",
      "apple-iphone-15-pro",
      "apple-iphone-16-pro",
      "apple-iphone-16e",
      "apple-iphone-17-pro",
    ]);
    expect(withRuns.filter((d) => /Pixel/.test(d.name)).map((d) => d.id).sort()).toEqual(["google-pixel-8", "google-pixel-9-pro"]);
    const socs = withRuns.filter((d) => d.kind === "phone").map((d) => d.soc ?? "");
    expect(socs.filter((s) => /8 Gen 3/.test(s)).length).toBeGreaterThanOrEqual(3); // S24 Ultra, S24, OnePlus 12
    expect(socs.filter((s) => /8 Elite/.test(s)).length).toBeGreaterThanOrEqual(3); // seed 000's phone, POCO, two QRDs
  });

  it("keeps a device's bandwidth with the spec it came from", () => {
    const oneplus = devices.find((d) => d.id === "oneplus-12");
    // Snapdragon 8 Gen 3: LPDDR5X-9600 on 64 bits = 9.6 GT/s × 8 B = 76.8 GB/s
    expect(oneplus?.memoryBandwidthGBps).toBe(76.8);
    expect(oneplus?.facts?.memoryBandwidthGBps).toEqual({
      status: "claimed",
      source: expect.stringContaining("Snapdragon 8 Gen 3 product brief"),
    });
    // 5,400 mAh × 3.87 V = 20.898 Wh ≈ 20.9, estimated from the capacity in mAh
    expect(oneplus?.batteryWh).toBe(20.9);
    expect(oneplus?.facts?.batteryWh?.status).toBe("estimated");
    const macMini = devices.find((d) => d.id === "apple-mac-mini-m4");
    expect(macMini?.memoryBandwidthGBps).toBe(120);
    expect(macMini?.batteryWh).toBeNull();
  });

  it("gives at least 8 devices a power figure that is not an estimate, each saying how it was measured", () => {
    const powered = runs.filter((r) => r.powerW !== undefined && r.status !== "estimated");
    expect(new Set(powered.map((r) => r.deviceId)).size).toBeGreaterThanOrEqual(8);
    const mini = powered.find((r) => r.deviceId === "apple-mac-mini-m4");
    // Geerling README, Llama 3.2:3b table: 41.31 tokens/s at 30.1 W peak → 0.7286 J/token
    expect([mini?.decodeTokensPerSec, mini?.powerW]).toEqual([41.31, 30.1]);
    expect(mini?.notes).toMatch(/peak draw of the whole system at the wall/);
  });

  it("gives phones a power figure measured at the battery, with the method in the source", () => {
    const s25 = fileWith(/Galaxy S25 Ultra via BatteryManager/);
    expect(s25.source.notes).toMatch(/BatteryManager current and voltage every 100 ms/);
    const qwen = s25.runs.find((r) => r.variantId === "qwen2.5-1.5b-q4_k_m");
    // final_results.csv row Qwen2.5-1.5B-Q4_K_M: 31.60 tokens/s at 12.63 W net battery power
    // → 12.63 / 31.60 = 0.3997 J per decoded token (the row's 0.93 J/token also counts load and prefill)
    expect([qwen?.decodeTokensPerSec, qwen?.powerW, qwen?.ttftMs]).toEqual([31.6, 12.63, 1250]);
    const phones = new Set(devices.filter((d) => d.kind === "phone").map((d) => d.id));
    const poweredPhones = runs.filter((r) => r.powerW !== undefined && r.status !== "estimated" && phones.has(r.deviceId));
    // seed 000's claim on its unnamed 8 Elite phone, and the S25 Ultra's battery measurement
    expect([...new Set(poweredPhones.map((r) => r.deviceId))].sort()).toEqual([
      "samsung-galaxy-s25-ultra",
      "snapdragon-8-elite-reference",
    ]);
  });

  it("keeps the QVAC report's llama.cpp medians with their backend, and no first-token time that includes vision", () => {
    const qvac = fileWith(/^QVAC VLM Metal baseline/);
    const s25 = qvac.runs.filter((r) => r.deviceId === "samsung-galaxy-s25" && r.variantId === "gemma-4-e2b-q4_k_m");
    // Appendix G.4: OpenCL 14.95 / CPU 12.73 tokens/s decode, 73.36 / 91.33 tokens/s prefill
    expect(s25.map((r) => [r.backend, r.decodeTokensPerSec, r.prefillTokensPerSec])).toEqual([
      ["OpenCL", 14.95, 73.36],
      ["CPU", 12.73, 91.33],
    ]);
    expect(qvac.runs.every((r) => r.ttftMs === undefined && r.repetitions === 3)).toBe(true);
    // 3,961 mAh × 3.87 V = 15.33 Wh
    expect(devices.find((d) => d.id === "apple-iphone-16e")?.batteryWh).toBe(15.3);
  });

  it("keeps throttling over sustained runs for 8 devices", () => {
    const throttled = new Set(runs.filter((r) => r.throttlePct !== undefined).map((r) => r.deviceId));
    expect([...throttled].sort()).toEqual([
      "apple-iphone-15-pro",
      "apple-iphone-16-pro",
      "apple-iphone-17-pro",
      "framework-13-ryzen-ai-5-340",
      "gmktec-g3-plus-n150",
      "raspberry-pi-5",
      "raspberry-pi-500-plus",
      "samsung-galaxy-s24-ultra",
    ]);
    // TinyBench: the Hailo-10H holds 6.9 tokens/s over 20 runs (CV 0.04 %) → 0 % lost
    const hailo = runs.find((r) => r.variantId === "qwen2.5-1.5b-hailo-q4_0");
    expect([hailo?.decodeTokensPerSec, hailo?.throttlePct]).toEqual([6.9, 0]);
  });

  it("keeps sustained-decode throttling with its onset", () => {
    const mlx = runs.find((r) => r.deviceId === "apple-iphone-17-pro" && r.runtime === "MLX");
    // 48 tok/s burst, 18 tok/s after 10 min: the article's 38 % retained → 62 % lost
    expect([mlx?.decodeTokensPerSec, mlx?.throttlePct, mlx?.throttleAfterMin]).toEqual([48, 62, 10]);
  });

  it("keeps the speed lost over back-to-back runs with the runs it comes from, and no invented onset", () => {
    const geerling = fileWith(/three back-to-back Ollama runs/);
    const n150 = geerling.runs.find((r) => r.deviceId === "gmktec-g3-plus-n150");
    // issue #12, deepseek-r1:1.5b: 18.66, 16.26, 16.15 tokens/s → 100 × (1 − 16.15 / 18.66) = 13.45 → 13.5 %
    expect([n150?.decodeTokensPerSec, n150?.throttlePct, n150?.repetitions]).toEqual([18.66, 13.5, 3]);
    const fw13 = geerling.runs.find((r) => r.deviceId === "framework-13-ryzen-ai-5-340");
    // issue #33, llama3.2:3b: 25.20, 23.11, 23.14 tokens/s → 100 × (1 − 23.14 / 25.20) = 8.17 → 8.2 %
    expect([fw13?.decodeTokensPerSec, fw13?.throttlePct]).toEqual([25.2, 8.2]);
    expect(geerling.runs.every((r) => r.throttleAfterMin === undefined && r.status === "claimed")).toBe(true);
  });
});

describe("seed quality scores", () => {
  const card = fileWith(/^Meta Llama model cards/);

  it("keeps the model card's MMLU per quantization, the bf16 one also as the model's", () => {
    const mmlu = (variantId?: string) =>
      card.quality.find((q) => q.metric === "mmlu" && q.modelId === "llama-3.2-1b" && q.variantId === variantId)?.score;
    expect([mmlu(), mmlu("llama-3.2-1b-bf16"), mmlu("llama-3.2-1b-spinquant"), mmlu("llama-3.2-1b-qlora")]).toEqual([
      49.3, 49.3, 47.3, 49.0,
    ]);
    expect(card.source.url).toBe(
      "https://github.com/meta-llama/llama-models/blob/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models/llama3_2/MODEL_CARD.md",
    );
  });

  it("scores every model with runs from the added sources", () => {
    const scored = new Set(all((f) => f.quality).map((q) => q.modelId));
    const variants = all((f) => f.variants);
    const modelOf = new Map(variants.map((v) => [v.id, v.modelId]));
    for (const id of [
      "llama-3.2-1b", "llama-3.2-3b", "llama-3.1-8b", "llama-7b", "mimo-7b", "phi-4", "phi-4-mini",
      "phi-3.5-mini", "gemma-3-1b", "gemma-4-e2b", "smollm2-1.7b", "qwen2.5-1.5b", "qwen3-1.7b",
      "qwen3.5-0.8b", "qwen3.5-2b", "deepseek-r1-distill-qwen-1.5b", "qwen-1.8b", "qwen1.5-0.5b", "qwen2-0.5b",
      "qwen2-1.5b", "gemma-3-270m", "lfm2.5-1.2b-instruct",
    ]) {
      expect(scored.has(id), id).toBe(true);
      expect(runs.some((r) => modelOf.get(r.variantId) === id), id).toBe(true);
    }
  });
});

describe("seed quality scores of the small models", () => {
  const score = (title: RegExp, modelId: string, metric: string) =>
    fileWith(title).quality.find((q) => q.modelId === modelId && q.metric === metric)?.score;

  it("pins the Qwen chat models' MMLU to the Qwen2 card and the Qwen README", () => {
    // Qwen2-1.5B-Instruct card, Evaluation: Qwen1.5-0.5B-Chat 35.0, Qwen2-0.5B-Instruct 37.9, Qwen2-1.5B-Instruct 52.4;
    // Qwen README quantization table, Qwen-1.8B-Chat (BF16): 43.3
    const qwen = /^Qwen chat model cards/;
    expect(["qwen1.5-0.5b", "qwen2-0.5b", "qwen2-1.5b", "qwen-1.8b"].map((m) => score(qwen, m, "mmlu"))).toEqual([
      35.0, 37.9, 52.4, 43.3,
    ]);
  });

  it("pins LFM2.5 1.2B Instruct to its card's table, with no MMLU invented", () => {
    // LiquidAI/LFM2.5-1.2B-Instruct card, Performance → Benchmarks: MMLU-Pro 44.35, GPQA 38.89, IFEval 86.23
    const card = /^LFM2\.5-1\.2B-Instruct model card/;
    expect(["mmlu_pro", "gpqa", "ifeval", "mmlu"].map((m) => score(card, "lfm2.5-1.2b-instruct", m))).toEqual([
      44.35, 38.89, 86.23, undefined,
    ]);
  });

  it("keeps Gemma 3 270M's and TinyLlama's published benchmarks, with no MMLU invented", () => {
    expect(score(/Gemma 3 270M instruction-tuned/, "gemma-3-270m", "ifeval")).toBe(51.2);
    expect(score(/TinyLlama evaluation/, "tinyllama-1.1b", "hellaswag")).toBe(59.2);
    const scored = all((f) => f.quality).filter((q) => q.modelId === "gemma-3-270m" || q.modelId === "tinyllama-1.1b");
    expect(scored.filter((q) => q.metric === "mmlu")).toEqual([]);
  });
});

describe("seed cloud facts", () => {
  const facts = all((f) => f.cloudFacts);
  const seedPrices = [
    "openai/gpt-4.1",
    "anthropic/claude-sonnet-4-5",
    "gemini/gemini-2.5-flash",
    "deepseek/deepseek-v3.2",
  ];

  it("gives every current price of the seed articles' models a sourced first-token time and speed", () => {
    for (const price of seedPrices) {
      expect(facts.some((f) => f.price === price && f.ttftMs !== undefined && f.tokensPerSec !== undefined), price).toBe(true);
    }
    expect(facts.every((f) => f.status === "claimed")).toBe(true);
  });

  it("pins gpt-4.1's MMLU to simple-evals and Claude Sonnet 4.5's speed to the dated leaderboard copy", () => {
    const evals = fileWith(/simple-evals/);
    expect(evals.cloudFacts.find((f) => f.price === "openai/gpt-4.1")?.quality).toEqual({
      mmlu: 90.2,
      gpqa_diamond: 66.3,
      humaneval: 94.5,
    });
    const board = fileWith(/leaderboard as of 2025-11-20/);
    // 'Claude 4.5 Sonnet' row: 72 tokens/s, first answer chunk after 2.09 s = 2090 ms
    expect(board.cloudFacts.find((f) => f.price === "anthropic/claude-sonnet-4-5")).toMatchObject({
      ttftMs: 2090,
      tokensPerSec: 72,
      measuredAt: "2025-11-20",
    });
    expect(board.source.publishedAt).toBe("2025-11-20");
  });
});
