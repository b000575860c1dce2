import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/benchmarks/route";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
import type { DatasetFinding } from "@/lib/schemas/api";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";

type RunWithFindings = {
  id: number;
  device: { id: string };
  variant: { id: string };
  metrics: { decodeTokensPerSec: number | null };
  findings: { check: string; ok: boolean | null; reason: string }[];
};

const get = async (query: string) => {
  const res = await GET(new Request(`http://localhost/api/benchmarks?${query}`));
  expect(res.status).toBe(200);
  return (await res.json()) as { runs: RunWithFindings[]; findings: DatasetFinding[] };
};

const failing = (run: RunWithFindings | undefined, check: string) => run?.findings.filter((f) => f.check === check && f.ok === false) ?? [];

/** The six contradictions of the seed documents (seeds/FIGURES.md, last section), each flagged by a check. */
describe("GET /api/benchmarks: plausibility findings of the seed", () => {
  let temp: TempDatabase;
  let body: { runs: RunWithFindings[]; findings: DatasetFinding[] };
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
    body = await get("status=claimed&limit=5000");
  });
  afterAll(() => temp.close());

  const run = (device: string, variant: string, decode: number) =>
    body.runs.find((r) => r.device.id === device && r.variant.id === variant && r.metrics.decodeTokensPerSec === decode);

  it("1. flags decode above the bandwidth bound: seed 001's 28 tokens/s and seed 004's Jetson", () => {
    // 76.8 GB/s ÷ 4.8 GB = 16 tokens/s < 28
    const [s24] = failing(run("samsung-galaxy-s24-ultra", "mimo-8b-q4", 28), "bandwidth-bound");
    expect(s24?.reason).toContain("exceeds the memory-bandwidth bound of 16 tokens/s (76.8 GB/s ÷ 4.8 GB read per token)");
    // 68 GB/s ÷ 1.9 GB = 35.8 tokens/s < 43
    const [jetson] = failing(run("nvidia-jetson-orin-nano-8gb", "phi-3-mini-nf4", 43), "bandwidth-bound");
    expect(jetson?.reason).toContain("bound of 35.8 tokens/s");
  });

  it("2. flags seed 002's 890 MB file for a 7B model", () => {
    // 0.89 GB × 8 ÷ 7B = 1.02 bits per parameter
    const [bits] = failing(run("xiaomi-14-pro", "mimo-7b-lite", 18.5), "bits-per-parameter");
    expect(bits?.reason).toContain("is 1.02 bits per parameter");
  });

  it("3. flags seed 000's 3-year TCO totals that do not follow from its own prices", () => {
    const deepseek = body.findings.find((f) => f.check === "cost-total" && f.reason.startsWith("DeepSeek V3.2 via HolySheep, 3 years"));
    // 500,000,000 tokens ÷ 1e6 × $0.42 × 36 months = $7,560; stated $122 (7,560 ÷ 122 = 62× too low)
    expect(deepseek).toMatchObject({ ok: false, sourceTitle: expect.stringContaining("Seed 000") });
    expect(deepseek?.reason).toContain("stated $122.00, but 500,000,000 tokens × $0.42/1M × 36 periods = $7,560.00 (62× too low)");
    expect(body.findings.filter((f) => f.check === "cost-total" && f.ok === false && f.sourceTitle?.includes("Seed 000"))).toHaveLength(3);
  });

  it("4. flags seed 002's $420 vs $8,000, 1,000× its own per-token prices", () => {
    const holysheep = body.findings.find((f) => f.reason.startsWith("HolySheep, 1M tokens a month"));
    // 1,000,000 tokens ÷ 1e6 × $0.42 = $0.42; stated $420 = 1,000× too high
    expect(holysheep?.ok).toBe(false);
    expect(holysheep?.reason).toContain("stated $420.00, but 1,000,000 tokens × $0.42/1M = $0.42 (1,000× too high)");
    const openai = body.findings.find((f) => f.reason.startsWith("OpenAI GPT-4.1, 1M tokens a month"));
    expect(openai?.reason).toContain("(1,000× too high)");
    // Seed 001's 10M-token table does follow from its prices: 10M × $15/1M = $150 …
    expect(body.findings.filter((f) => f.check === "cost-total" && f.sourceTitle?.includes("Seed 001")).every((f) => f.ok)).toBe(true);
  });

  it("5. flags seed 001 calling Phi-4 a mixture of experts, on the finding list and on Phi-4's runs", () => {
    const moe = body.findings.find((f) => f.check === "model-fact" && f.ok === false);
    expect(moe?.reason).toMatch(/^Seed 001.* calls Phi-4 \(14B\) a mixture-of-experts model; "Model catalogue.*" says it is a dense transformer$/);
    expect(moe?.modelIds).toContain("phi-4");
    expect(failing(run("xiaomi-14-pro", "phi-4-int8", 8.7), "model-fact")).toHaveLength(1);
  });

  it("6. flags MiMo's MMLU across sources: 68.2 (000), 72.3 (001, as MiMo 8B), 52.3–58.7 (002)", () => {
    const mimo = body.findings.find((f) => f.check === "conflicting-figures" && f.reason.startsWith("Xiaomi MiMo-7B MMLU"));
    expect(mimo?.ok).toBe(false);
    expect(mimo?.reason).toContain("68.2 (Seed 000");
    expect(mimo?.reason).toMatch(/72\.3 \(Seed 001.*, as Xiaomi MiMo 8B/);
    expect(mimo?.reason).toContain("52.3–58.7 (Seed 002");
    expect(mimo?.modelIds.sort()).toEqual(["mimo-7b", "mimo-8b"]);
    // Every run of either id carries it (and HumanEval's: 52.1 in seed 000, 61.5 in seed 001).
    const mmluOf = (r: RunWithFindings | undefined) => failing(r, "conflicting-figures").filter((f) => f.reason.startsWith("Xiaomi MiMo-7B MMLU"));
    expect(mmluOf(run("samsung-galaxy-s24-ultra", "mimo-8b-q4", 28))).toHaveLength(1);
    expect(mmluOf(run("xiaomi-14-pro", "mimo-7b-lite", 18.5))).toHaveLength(1);
  });

  it("lists the flagged runs of a selection with only their failing findings", async () => {
    const dataset = await listDatasetFindings(temp.db);
    const flagged = await listFlaggedRuns(temp.db, { variant: "phi-4-mini-int4" }, dataset, 10);
    // Seed 002's Phi-4-mini INT4: 0.52 GB × 8 ÷ 3.8B = 1.09 bits per parameter (< 1.5)
    expect(flagged.total).toBe(1);
    // and Phi-4-mini's MMLU: 48.9 in seed 002 against 67.3 in its model card, 18.4 points apart (> 5)
    expect(flagged.runs[0]?.findings.map((f) => [f.check, f.ok])).toEqual([
      ["bits-per-parameter", false],
      ["conflicting-figures", false],
    ]);
    expect(flagged.runs[0]?.findings[1]?.reason).toMatch(/MMLU differs by 18\.4 points across sources: 48\.9 \(Seed 002.*67\.3 \(Phi-4-mini-instruct model card/);
    // Seed 004's Phi-3 mini FP16 (7.2 GB for 3.8B: 15.2 bits) on the Jetson: 68 GB/s ÷ 7.2 GB = 9.4 ≥ 8.9 tokens/s
    const fp16 = await listFlaggedRuns(temp.db, { variant: "phi-3-mini-fp16", device: "nvidia-jetson-orin-nano-8gb" }, dataset, 10);
    expect(fp16.total).toBe(0);
  });

  it("6b. flags MiMo's memory at 4 bits across sources: 3.2 GB (000, 001) against 002's ~2 GB", () => {
    const memory = body.findings.find((f) => f.reason.startsWith("Xiaomi MiMo-7B memory at 4-bit"));
    // 3,200 ÷ 2,000 = 1.6 > 1.5
    expect(memory?.ok).toBe(false);
    expect(memory?.reason).toContain("differs 1.6× across sources: 3,200 MB (Seed 000");
    expect(memory?.reason).toMatch(/2,000 MB \(Seed 002/);
  });

  it("checks a seed variant without a file size against the size its parameters and bits give", () => {
    // MiMo-7B INT4 (seed 000): 7B × 4 bits ÷ 8 = 3.5 GB; 84.8 GB/s ÷ 3.5 GB = 24.2 tokens/s < 28.5
    const [mimo] = failing(run("snapdragon-8-elite-reference", "mimo-7b-int4", 28.5), "bandwidth-bound");
    expect(mimo?.reason).toContain("exceeds the memory-bandwidth bound of 24.2 tokens/s");
    expect(mimo?.reason).toContain("file size estimated: 7B parameters × 4 bits ÷ 8 = 3.5 GB");
  });
});
