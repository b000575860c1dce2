/**
 * The seed dataset as the seeder loads it: every manifest entry through its
 * importer, in order, then the checks an upload and the database would make.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importText } from "@/lib/importers/detect";
import { allowlistKeys, importSeedText, seedManifestSchema } from "@/lib/importers/seed-manifest";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));
const read = (path: string) => readFileSync(dataDir + path, "utf8");

const manifest = seedManifestSchema.parse(JSON.parse(read("seed/manifest.json")));
const loaded: { path: string; file: BenchmarkFile }[] = manifest.entries.map((entry) => {
  const result = importSeedText(entry, read(entry.file));
  if (!result.ok) throw new Error(`${entry.file}: ${JSON.stringify(result.errors.slice(0, 5))}`);
  return { path: entry.file, file: result.file };
});
const all = <T>(pick: (f: BenchmarkFile) => T[]) => loaded.flatMap(({ file }) => pick(file));

describe("the seed manifest", () => {
  it("lists files that exist, each imported into a valid native file", () => {
    for (const entry of manifest.entries) expect(existsSync(dataDir + entry.file), entry.file).toBe(true);
    expect(loaded).toHaveLength(manifest.entries.length);
  });

  it("loads devices and models before anything refers to them", () => {
    const devices = new Set<string>();
    const models = new Set<string>();
    const variants = new Set<string>();
    const missing: string[] = [];
    for (const { path, file } of loaded) {
      file.devices.forEach((d) => devices.add(d.id));
      file.models.forEach((m) => models.add(m.id));
      file.variants.forEach((v) => variants.add(v.id));
      for (const v of file.variants) if (!models.has(v.modelId)) missing.push(`${path}: model ${v.modelId}`);
      for (const r of file.runs) {
        if (!devices.has(r.deviceId)) missing.push(`${path}: device ${r.deviceId}`);
        if (!variants.has(r.variantId)) missing.push(`${path}: variant ${r.variantId}`);
      }
      for (const q of file.quality) {
        if (!models.has(q.modelId)) missing.push(`${path}: model ${q.modelId}`);
        if (q.variantId && !variants.has(q.variantId)) missing.push(`${path}: variant ${q.variantId}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("defines each device and model once, and a variant named by several files identically", () => {
    const once = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(once(all((f) => f.devices.map((d) => d.id)))).toEqual([]);
    expect(once(all((f) => f.models.map((m) => m.id)))).toEqual([]);
    const variants = new Map<string, string>();
    const differing: string[] = [];
    for (const v of all((f) => f.variants)) {
      const json = JSON.stringify(v);
      if (variants.has(v.id) && variants.get(v.id) !== json) differing.push(v.id);
      variants.set(v.id, json);
    }
    expect(differing).toEqual([]);
  });

  it("holds at least 540 measured runs, and no estimate stored as data", () => {
    const runs = all((f) => f.runs);
    const byStatus = runs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    // PocketPal 217 (S23) + 252 (myron) + 80 (klee) + llama-bench 1 (M5 Max) + 1 (Pi 4) = 551
    // claimed: seeds 29 + Llama 3.2 card 6 (OnePlus 12) + Qualcomm AI Hub 15 + MNN iOS 7 + iPhone 17 Pro 3
    // + TinyBench 2 (iPhone 16 Pro, Pi 5 + Hailo-10H) + Geerling 12 + Galaxy S25 Ultra BatteryManager 6
    // + QVAC report 15 (iPhone 16e 4, iPhone 16 Pro 3, Galaxy S25 4, Pixel 9 Pro 4)
    // + Geerling back-to-back runs 3 (Framework 13, Pi 500+, N150) = 98
    expect(byStatus).toEqual({ measured: 551, claimed: 98 });
    expect(byStatus.measured).toBeGreaterThanOrEqual(540);
  });

  it("gives every device its bandwidth and a battery fact, each with a source", () => {
    for (const d of all((f) => f.devices)) {
      expect(d.memoryBandwidthGBps, d.id).toBeGreaterThan(0);
      expect(d.facts?.memoryBandwidthGBps?.source, d.id).toBeTruthy();
      expect(d.batteryWh === null || (d.batteryWh ?? 0) > 0, d.id).toBe(true);
      expect(d.facts?.batteryWh?.source, d.id).toBeTruthy();
      expect(d.ramGB, d.id).toBeGreaterThan(0);
      expect(d.facts?.ramGB?.source, d.id).toBeTruthy();
    }
  });

  it("keeps one price per provider, model and date within a file (the database's unique key)", () => {
    for (const { path, file } of loaded) {
      const keys = file.prices.map((p) => `${p.provider}/${p.modelKey}@${p.effectiveDate}`);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), path).toEqual([]);
    }
  });

  it("imports every allowlisted LiteLLM key as a price of 2026-07-24", () => {
    const keys = allowlistKeys("seed/litellm-allowlist.json");
    const feed = loaded.find((l) => l.path === "external/litellm_model_prices.json")!.file;
    expect(feed.prices.map((p) => p.name).sort()).toEqual([...keys].sort());
    expect(feed.prices.every((p) => p.effectiveDate === "2026-07-24" && p.inputUsdPerMTok !== undefined)).toBe(true);
    const seedModels = ["openai/gpt-4.1", "anthropic/claude-sonnet-4-5", "gemini/gemini-2.5-flash", "deepseek/deepseek-v3.2"];
    expect(feed.prices.map((p) => `${p.provider}/${p.modelKey}`)).toEqual(expect.arrayContaining(seedModels));
    expect(feed.prices.length - seedModels.length).toBeGreaterThanOrEqual(10);
  });
});

describe("the seed documents' files", () => {
  const seeds = loaded.filter((l) => /^seed\/seed-00\d\.json$/.test(l.path));

  it("are uploads the native format accepts", () => {
    expect(seeds).toHaveLength(5);
    for (const { path } of seeds) expect(importText(read(path)), path).toMatchObject({ ok: true, format: "native" });
  });

  it("store every figure as claimed under a seed source", () => {
    for (const { path, file } of seeds) {
      expect(file.source.kind, path).toBe("seed");
      const statuses = new Set([...file.runs, ...file.variants, ...file.quality, ...file.prices].map((x) => x.status));
      expect([...statuses], path).toEqual(["claimed"]);
    }
  });

  it("keep the contradictions FIGURES.md lists, for the plausibility checks to flag", () => {
    const devices = new Map(all((f) => f.devices).map((d) => [d.id, d]));
    const variants = new Map(all((f) => f.variants).map((v) => [v.id, v]));
    const models = new Map(all((f) => f.models).map((m) => [m.id, m]));
    const bound = (deviceId: string, variantId: string) =>
      devices.get(deviceId)!.memoryBandwidthGBps! / variants.get(variantId)!.sizeGB!;
    const runOf = (deviceId: string, variantId: string, decode: number) =>
      all((f) => f.runs).find((r) => r.deviceId === deviceId && r.variantId === variantId && r.decodeTokensPerSec === decode);

    // 001: 28 tokens/s from a 4.8 GB model on 76.8 GB/s (bound 16)
    expect(runOf("samsung-galaxy-s24-ultra", "mimo-8b-q4", 28)).toBeDefined();
    expect(bound("samsung-galaxy-s24-ultra", "mimo-8b-q4")).toBe(16); // 76.8 / 4.8
    // 004: 43 tokens/s from 1.9 GB on 68 GB/s (bound ≈ 35.8)
    expect(runOf("nvidia-jetson-orin-nano-8gb", "phi-3-mini-nf4", 43)).toBeDefined();
    expect(bound("nvidia-jetson-orin-nano-8gb", "phi-3-mini-nf4")).toBeCloseTo(35.79, 2); // 68 / 1.9
    // 002: a 7B model in 890 MB is 890e6 × 8 / 7e9 ≈ 1.02 bits per weight
    const lite = variants.get("mimo-7b-lite")!;
    expect((lite.sizeGB! * 8) / models.get(lite.modelId)!.paramsB!).toBeLessThan(1.5);
  });
});
