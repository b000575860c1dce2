import { describe, expect, it } from "vitest";
import { importPocketPal } from "@/lib/importers/pocketpal";
import type { ImportResult } from "@/lib/importers/result";
import { POCKETPAL, readData } from "./files";

function okFile(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("importPocketPal on the real matrices", () => {
  const s23 = okFile(importPocketPal(readData(POCKETPAL.s23)));

  it("turns every ok cell of the S23 matrix into a measured llama.cpp run", () => {
    // stats.total_runs = 217, all with status "ok"
    expect(s23.file.runs).toHaveLength(217);
    expect(s23.skipped).toEqual([]);
    expect(new Set(s23.file.runs.map((r) => r.status))).toEqual(new Set(["measured"]));
    expect(new Set(s23.file.runs.map((r) => r.runtime))).toEqual(new Set(["llama.cpp"]));
    expect(new Set(s23.file.runs.map((r) => r.backend))).toEqual(new Set(["cpu", "opencl", "hexagon"]));
  });

  it("reads decode from tg_avg, prefill from pp_avg and the bench block's token counts", () => {
    // runs[0]: deepseek-r1-distill-qwen-1.5b iq1_s on cpu
    expect(s23.file.runs[0]).toMatchObject({
      deviceId: "samsung-s23",
      variantId: "deepseek-r1-distill-qwen-1.5b-iq1_s",
      backend: "cpu",
      decodeTokensPerSec: 7.833949241738789,
      prefillTokensPerSec: 13.471000275588686,
      promptTokens: 256, // bench.pp
      generatedTokens: 64, // bench.tg
      repetitions: 3, // bench.nr
      peakMemoryMB: 3706.35,
      weightsMB: 695.384, // 663.17 MiB × 1.048576 = 695.38414… MB
      measuredAt: "2026-05-10T20:03:24.486Z",
    });
    expect(s23.file.runs[0]?.ttftMs).toBeUndefined();
  });

  it("notes when the effective backend differs from the requested one", () => {
    // runs[1]: requested "gpu", ran on "opencl", tg_avg 4.828…
    expect(s23.file.runs[1]).toMatchObject({ backend: "opencl", decodeTokensPerSec: 4.828403140173076 });
    expect(s23.file.runs[1]?.notes).toContain("requested gpu, ran on opencl");
  });

  it("names the device from the file and derives model and variant ids from model_id and quant", () => {
    expect(s23.file.devices).toEqual([
      { id: "samsung-s23", name: "samsung-s23", kind: "phone", soc: "Snapdragon 8 Gen 2", os: "Android" },
    ]);
    expect(s23.file.models).toHaveLength(11); // stats.num_models
    expect(s23.file.variants.find((v) => v.id === "qwen3-1.7b-q4_k_m")).toEqual({
      id: "qwen3-1.7b-q4_k_m",
      modelId: "qwen3-1.7b",
      quantization: "Q4_K_M",
      sizeGB: 1.276, // smallest weights 1217.35 MiB × 1.048576 = 1276.48 MB, to the MB
      status: "measured",
    });
  });

  it("sizes a variant from its smallest weights figure, not from the app's peak memory", () => {
    const myron = okFile(importPocketPal(readData(POCKETPAL.myron)));
    // qwen3-1.7b q4_k_m: weights 1217.35 (cpu), 1217.35 (opencl), 1217.34 (hexagon) MiB;
    // the opencl run's peak memory (947.35 MB) is below its weights, as FORMATS.md warns.
    const opencl = myron.file.runs[172]!;
    // weightsMB = 1217.35 × 1.048576 = 1276.4840… → 1276.484
    expect(opencl).toMatchObject({ backend: "opencl", peakMemoryMB: 947.35, weightsMB: 1276.484, decodeTokensPerSec: 23.29180423791172 });
    // sizeGB = 1217.34 (the smallest) × 1.048576 / 1000 = 1.27647… → 1.276
    expect(myron.file.variants.find((v) => v.id === "qwen3-1.7b-q4_k_m")?.sizeGB).toBe(1.276);
    expect(myron.file.runs).toHaveLength(252);
  });

  it("gives every variant the same size in every device's file", () => {
    const sizes = new Map<string, Set<number | undefined>>();
    for (const path of [POCKETPAL.s23, POCKETPAL.myron, POCKETPAL.klee]) {
      for (const v of okFile(importPocketPal(readData(path))).file.variants) {
        sizes.set(v.id, (sizes.get(v.id) ?? new Set()).add(v.sizeGB));
      }
    }
    const differing = [...sizes].filter(([, s]) => s.size > 1).map(([id]) => id);
    expect(differing).toEqual([]);
  });

  it("refers to an existing device and models when asked to", () => {
    const r = okFile(importPocketPal(readData(POCKETPAL.klee), { deviceId: "poco-x7-klee", emitModels: false }));
    expect(r.file.devices).toEqual([]);
    expect(r.file.models).toEqual([]);
    expect(r.file.runs.every((run) => run.deviceId === "poco-x7-klee")).toBe(true);
  });
});

describe("importPocketPal on bad or other input", () => {
  const base = () => JSON.parse(readData(POCKETPAL.s23)) as { runs: Record<string, unknown>[] };

  it("refuses the version 1.0 memory baselines with the reason", () => {
    for (const path of [POCKETPAL.iphone13Baseline, POCKETPAL.pixel9Baseline]) {
      const r = importPocketPal(readData(path));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.message).toMatch(/memory baseline.*no speed figures/);
    }
  });

  it("skips cells whose status is not ok and counts them", () => {
    const m = base();
    m.runs[3]!.status = "failed";
    m.runs[3]!.tg_avg = null;
    const r = okFile(importPocketPal(m));
    expect(r.file.runs).toHaveLength(216);
    expect(r.skipped).toEqual([{ where: "runs[3]", reason: 'status is "failed", not "ok"', code: "status_not_ok" }]);
  });

  it("names the run index and field of a bad figure", () => {
    const m = base();
    m.runs[12]!.tg_avg = -3;
    m.runs[40]!.pp_avg = "fast";
    const r = importPocketPal(m);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { where: "runs[12].tg_avg", message: "expected a positive number" },
        { where: "runs[40].pp_avg", message: "expected a positive number" },
      ]);
    }
  });

  it("refuses non-finite numbers", () => {
    const text = readData(POCKETPAL.s23).replace('"tg_avg": 7.833949241738789', '"tg_avg": 1e999');
    const r = importPocketPal(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.where).toBe("runs[0].tg_avg");
  });

  it("refuses __proto__ keys", () => {
    const text = readData(POCKETPAL.s23).replace('"soc": "Snapdragon 8 Gen 2",', '"soc": "Snapdragon 8 Gen 2", "__proto__": {"polluted": true},');
    const r = importPocketPal(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ where: "__proto__" });
  });
});
