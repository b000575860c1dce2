import { describe, expect, it } from "vitest";
import { importLlamaBench } from "@/lib/importers/llama-bench";
import { checkDecodeBandwidthBound } from "@/lib/plausibility/bandwidth-bound";
import type { ImportResult } from "@/lib/importers/result";
import { LLAMA_BENCH, readData, readFixture } from "./files";

function okFile(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

const m5 = readData(LLAMA_BENCH.m5Jsonl);
const gemma = readData(LLAMA_BENCH.gemmaJson);

describe("importLlamaBench on the M5 Max JSONL (five tests of one configuration)", () => {
  const r = okFile(importLlamaBench(m5, { deviceId: "apple-m5-max-macbook-pro" }));
  const run = r.file.runs[0]!;

  it("groups the five tests into one measured run", () => {
    expect(r.file.runs).toHaveLength(1);
    expect(run).toMatchObject({ deviceId: "apple-m5-max-macbook-pro", runtime: "llama.cpp", status: "measured" });
  });

  it("takes decode from the tg128 test's avg_ts and prefill from pp512, not pp2048", () => {
    expect(run.decodeTokensPerSec).toBe(48.744436); // line 3: n_prompt 0, n_gen 128
    expect(run.decodeStddevTokensPerSec).toBe(0.293266);
    expect(run.generatedTokens).toBe(128);
    expect(run.prefillTokensPerSec).toBe(128.382393); // line 1: pp512 (pp2048 is 117.330217)
    expect(run.promptTokens).toBe(512);
    expect(run.repetitions).toBe(3); // three samples_ns
    expect(run.measuredAt).toBe("2026-06-04T17:49:06Z"); // the tg test's test_time
  });

  it("never reads a combined pp+tg test as decode speed", () => {
    // lines 4 and 5: pp512+tg128 91.350438 and pp2048+tg128 107.609386
    expect(run.decodeTokensPerSec).not.toBe(91.350438);
    expect(run.decodeTokensPerSec).not.toBe(107.609386);
    expect(run.notes).toContain("pp512+tg128 91.35 t/s (blended, not decode)");
  });

  it("stores no estimated first-token time or memory", () => {
    expect(run.ttftMs).toBeUndefined();
    expect(run.peakMemoryMB).toBeUndefined();
    expect(run.weightsMB).toBe(24812.554752); // model_size 24,812,554,752 bytes / 1e6
  });

  it("drops the Metal backend of a run with n_gpu_layers 0", () => {
    expect(run.backend).toBe("BLAS"); // backends "MTL,BLAS", n_gpu_layers 0
    expect(run.notes).toContain("built with MTL,BLAS, run with n_gpu_layers 0");
  });

  it("names the MoE model from model_type and sizes the variant from model_size", () => {
    expect(r.file.models).toEqual([
      { id: "qwen3.5-35b-a3b", name: "Qwen3.5-35B-A3B", paramsB: 34.660610688, activeParamsB: 3, architecture: "moe" },
    ]);
    expect(r.file.variants).toEqual([
      { id: "qwen3.5-35b-a3b-q5_k_s", modelId: "qwen3.5-35b-a3b", quantization: "Q5_K_S", sizeGB: 24.812554752, status: "measured" },
    ]);
    expect(r.file.devices).toEqual([]); // deviceId given: the device is referenced
  });

  it("proposes the machine cpu_info names when no device is given", () => {
    const proposed = okFile(importLlamaBench(m5));
    expect(proposed.file.devices).toEqual([{ id: "apple-m5-max", name: "Apple M5 Max", kind: "laptop", soc: "Apple M5 Max" }]);
    expect(proposed.warnings.join(" ")).toContain('device "apple-m5-max" proposed from cpu_info');
  });
});

describe("importLlamaBench on the Gemma 3 270M JSON array (Raspberry Pi 4)", () => {
  it("asks for the device when cpu_info is only 'OpenBLAS, CPU'", () => {
    const errors = errorsOf(importLlamaBench(gemma));
    expect(errors).toEqual([
      expect.objectContaining({ where: "[0] (line 2): cpu_info", code: "device_required" }),
    ]);
  });

  it("reads pp256 as prefill and tg128 as decode, never the pp256+tg128 test", () => {
    const r = okFile(importLlamaBench(gemma, { deviceId: "raspberry-pi-4" }));
    expect(r.file.runs).toHaveLength(1);
    expect(r.file.runs[0]).toMatchObject({
      deviceId: "raspberry-pi-4",
      variantId: "gemma-3-270m-q4_k_m",
      backend: "BLAS",
      prefillTokensPerSec: 60.968394, // n_prompt 256, n_gen 0
      promptTokens: 256,
      decodeTokensPerSec: 11.978603, // n_prompt 0, n_gen 128 (the pp+tg test says 24.867107)
      generatedTokens: 128,
    });
    expect(r.file.runs[0]?.notes).toContain("flash_attn off"); // "flash_attn": false
    expect(r.file.variants[0]).toMatchObject({ modelId: "gemma-3-270m", quantization: "Q4_K_M", sizeGB: 0.246587904 });
    expect(r.file.models[0]).toMatchObject({ id: "gemma-3-270m", name: "gemma3-270m", paramsB: 0.268098176 });
  });

  it("skips log lines captured before the array", () => {
    const text = "ggml_backend_load_best: failed to load\nload_backend: loaded BLAS backend\n[main] running tests\n" + gemma;
    const r = okFile(importLlamaBench(text, { deviceId: "raspberry-pi-4" }));
    expect(r.file.runs[0]?.decodeTokensPerSec).toBe(11.978603);
    expect(r.warnings).toContain("skipped 3 line(s) before the JSON (log output?)");
  });

  it("keeps the complete tests of an array a crashed run never closed", () => {
    const cut = gemma.slice(0, gemma.indexOf('"n_prompt": 256,\n    "n_gen": 128'));
    const r = okFile(importLlamaBench(cut, { deviceId: "raspberry-pi-4" }));
    expect(r.file.runs[0]).toMatchObject({ prefillTokensPerSec: 60.968394, decodeTokensPerSec: 11.978603 });
    expect(r.warnings.some((w) => w.includes("never closed (crashed run?): 2 complete test(s) kept"))).toBe(true);
    expect(r.warnings.some((w) => w.includes("the test starting at line 86 is incomplete"))).toBe(true);
  });

  it("refuses an unclosed array with no complete test", () => {
    const errors = errorsOf(importLlamaBench('[\n  {\n    "n_prompt": 512,', { deviceId: "x" }));
    expect(errors[0]?.message).toContain("never closed and holds no complete test");
  });

  it("reports a test that is not valid JSON at its position", () => {
    const broken = gemma.replace('"avg_ts": 11.978603,', '"avg_ts": 11.978603,,');
    const errors = errorsOf(importLlamaBench(broken, { deviceId: "raspberry-pi-4" }));
    expect(errors[0]?.where).toBe("[1] (line 44)");
    expect(errors[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe("importLlamaBench on JSONL drift", () => {
  it("names the line of a broken JSONL line", () => {
    const lines = m5.split("\n");
    lines[2] = lines[2]!.replace('"avg_ts": 48.744436', '"avg_ts": 48.744436 "oops"');
    const errors = errorsOf(importLlamaBench(lines.join("\n"), { deviceId: "d" }));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.where).toBe("line 3");
  });

  it("names the line and field of a bad figure", () => {
    const lines = m5.split("\n");
    lines[1] = lines[1]!.replace('"avg_ts": 117.330217', '"avg_ts": -117.330217');
    lines[3] = lines[3]!.replace('"n_prompt": 512', '"n_prompt": "512"');
    expect(errorsOf(importLlamaBench(lines.join("\n"), { deviceId: "d" }))).toEqual([
      { where: "line 2: avg_ts", message: "expected a positive number" },
      { where: "line 4: n_prompt", message: "expected a whole number ≥ 0" },
    ]);
  });

  it("refuses non-finite speeds", () => {
    const text = m5.replace('"avg_ts": 48.744436', '"avg_ts": 1e999');
    expect(errorsOf(importLlamaBench(text, { deviceId: "d" }))[0]?.where).toBe("line 3: avg_ts");
  });

  it("refuses a __proto__ key inside a test", () => {
    const text = m5.replace('{"build_commit"', '{"__proto__": {"x": 1}, "build_commit"');
    expect(errorsOf(importLlamaBench(text, { deviceId: "d" }))[0]?.where).toBe("line 1: __proto__");
  });

  it("skips log lines between JSONL tests with a warning", () => {
    const lines = m5.split("\n");
    lines.splice(2, 0, "ggml_metal_free: deallocating");
    const r = okFile(importLlamaBench(lines.join("\n"), { deviceId: "d" }));
    expect(r.file.runs[0]?.decodeTokensPerSec).toBe(48.744436);
    expect(r.warnings).toContain("skipped 1 line(s) between the tests that are not JSON (log output?)");
  });

  it("accepts a file without a final newline and ignores keys it does not know", () => {
    const r = okFile(importLlamaBench(readFixture("llama-bench/2024-vulkan-rpc-string.jsonl").trimEnd(), { deviceId: "samsung-s23" }));
    expect(r.file.runs.length).toBeGreaterThan(0);
  });
});

describe("importLlamaBench on older and forked builds", () => {
  it("reads 2023 backend booleans and 'mostly Q4_0' model types", () => {
    const r = okFile(importLlamaBench(readFixture("llama-bench/2023-cuda-booleans.json"), { deviceId: "rtx-4090-desktop" }));
    expect(r.file.runs[0]).toMatchObject({
      backend: "CUDA,BLAS", // cuda: true, gpu_blas/blas: true
      prefillTokensPerSec: 4766.127856,
      decodeTokensPerSec: 141.851672,
    });
    expect(r.file.variants[0]).toMatchObject({ id: "llama-7b-q4_0", quantization: "Q4_0", sizeGB: 3.825065984 });
  });

  it("treats rpc '0' as off and flash_attn true/false as two configurations", () => {
    const r = okFile(importLlamaBench(readFixture("llama-bench/2024-vulkan-rpc-string.jsonl"), { deviceId: "samsung-s23" }));
    expect(r.file.runs.map((run) => run.backend)).toEqual(["Vulkan,BLAS", "Vulkan,BLAS"]);
    // flash_attn false: pp512 100 t/s and tg128 20 t/s; flash_attn true: tg128 22 t/s only
    expect(r.file.runs.map((run) => [run.prefillTokensPerSec, run.decodeTokensPerSec])).toEqual([
      [100, 20],
      [undefined, 22],
    ]);
    expect(r.file.runs[1]?.notes).toContain("flash_attn on");
  });

  it("groups flash_attn true and flash_attn 1 (new builds' int) as the same setting", () => {
    const lines = readFixture("llama-bench/2024-vulkan-rpc-string.jsonl").trim().split("\n");
    lines[1] = lines[1]!.replace('"flash_attn": false', '"flash_attn": 1');
    lines[0] = lines[0]!.replace('"flash_attn": false', '"flash_attn": true');
    lines.pop();
    const r = okFile(importLlamaBench(lines.join("\n"), { deviceId: "d" }));
    expect(r.file.runs).toHaveLength(1);
    expect(r.file.runs[0]).toMatchObject({ prefillTokensPerSec: 100, decodeTokensPerSec: 20 });
  });

  it("computes the speed from samples_ns when avg_ts is missing", () => {
    const test = { n_prompt: 0, n_gen: 128, samples_ns: [2e9, 4e9], model_type: "llama 1B Q8_0", cpu_info: "CPU" };
    const r = okFile(importLlamaBench(JSON.stringify([test]), { deviceId: "d" }));
    // 128 tokens in 2 s = 64 t/s, in 4 s = 32 t/s; mean 48
    expect(r.file.runs[0]?.decodeTokensPerSec).toBe(48);
  });

  it("requires n_prompt, n_gen and a speed", () => {
    const errors = errorsOf(importLlamaBench('{"n_gen": 128, "avg_ts": 5}\n{"n_prompt": 0, "n_gen": 128}\n{"n_prompt": 0, "n_gen": 0, "avg_ts": 1}', { deviceId: "d" }));
    expect(errors.map((e) => e.where)).toEqual(["line 1: n_prompt", "line 2: avg_ts", "line 3: n_gen"]);
  });

  it("names two models of one model_type after their files", () => {
    const test = (file: string, ts: number) => ({ model_type: "llama 8B Q4_K - Medium", model_filename: file, model_size: 4.9e9, n_prompt: 0, n_gen: 128, avg_ts: ts });
    const text = [test("Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", 20), test("DeepSeek-R1-Distill-Llama-8B-Q4_K_M.gguf", 19)].map((t) => JSON.stringify(t)).join("\n");
    const r = okFile(importLlamaBench(text, { deviceId: "d" }));
    expect(r.file.runs.map((run) => run.variantId)).toEqual([
      "meta-llama-3.1-8b-instruct-q4_k_m",
      "deepseek-r1-distill-llama-8b-q4_k_m",
    ]);
  });

  it("imports nothing from a file of combined pp+tg tests only", () => {
    const only = { n_prompt: 512, n_gen: 128, avg_ts: 91.3, model_type: "llama 1B Q8_0" };
    const errors = errorsOf(importLlamaBench(JSON.stringify(only), { deviceId: "d" }));
    expect(errors[0]?.message).toContain("no prompt-only or generation-only test");
  });
});

describe("importLlamaBench: mixture-of-experts, depth rows and the machine", () => {
  // A gpt-oss 20B CUDA file with an empty-context configuration and one at depth 8192.
  const gptOss = readFixture("llama-bench/gpt-oss-cuda-depth.jsonl");

  it("recognises gpt-oss as mixture-of-experts with 3.6B active parameters", () => {
    const r = okFile(importLlamaBench(gptOss, { deviceId: "test-box" }));
    expect(r.file.models[0]).toMatchObject({ id: "gpt-oss-20b", architecture: "moe", activeParamsB: 3.6 });
    // model_n_params 20,914,757,184 → 20.914757184 B
    expect(r.file.models[0]!.paramsB).toBeCloseTo(20.914757184, 12);
  });

  it("gives no false bandwidth warning: per token it reads the active share of the file", () => {
    const r = okFile(importLlamaBench(gptOss, { deviceId: "test-box" }));
    const model = r.file.models[0]!;
    const sizeGB = r.file.variants[0]!.sizeGB!;
    // On a 200 GB/s machine: dense, 12.11 GB read a token → bound 200/12.11 = 16.5 tok/s < 77.76 ("impossible");
    // MoE, 12.11 · 3.6/20.91 = 2.085 GB a token → bound 200/2.085 = 95.9 tok/s ≥ 77.76 (within).
    const moe = checkDecodeBandwidthBound({
      decodeTokensPerSec: 77.76,
      memoryBandwidthGBps: 200,
      sizeGB,
      paramsB: model.paramsB ?? null,
      activeParamsB: model.activeParamsB ?? null,
      architecture: model.architecture ?? null,
    });
    expect(moe.ok).toBe(true);
    const dense = checkDecodeBandwidthBound({ decodeTokensPerSec: 77.76, memoryBandwidthGBps: 200, sizeGB });
    expect(dense.ok).toBe(false);
  });

  it("stores depth rows as their own run with their context depth", () => {
    const r = okFile(importLlamaBench(gptOss, { deviceId: "test-box" }));
    expect(r.file.runs.map((run) => [run.contextDepthTokens ?? 0, run.prefillTokensPerSec, run.decodeTokensPerSec])).toEqual([
      [0, 1366.71, 77.76],
      [8192, 1005.33, 70.65],
    ]);
  });

  it("proposes a desktop named after gpu_info for a GPU backend's run", () => {
    const r = okFile(importLlamaBench(gptOss));
    expect(r.file.devices).toEqual([
      { id: "nvidia-geforce-rtx-4090", name: "NVIDIA GeForce RTX 4090", kind: "desktop", soc: "NVIDIA GeForce RTX 4090" },
    ]);
    expect(r.file.runs[0]!.deviceId).toBe("nvidia-geforce-rtx-4090");
    expect(r.warnings.join(" ")).toMatch(/proposed from gpu_info "NVIDIA GeForce RTX 4090"/);
  });

  it("refers to a device the dataset knows instead of proposing a duplicate", () => {
    const known = [
      { id: "apple-m5-max-macbook-pro", name: "Apple MacBook Pro (M5 Max)", soc: "Apple M5 Max (18-core CPU, 40-core GPU)" },
      { id: "samsung-s23", name: "Samsung Galaxy S23", soc: "Snapdragon 8 Gen 2 for Galaxy" },
    ];
    const r = okFile(importLlamaBench(m5, { knownDevices: known }));
    // cpu_info "Accelerate, Apple M5 Max" is the SoC of the known MacBook Pro
    expect(r.file.devices).toEqual([]);
    expect(r.file.runs[0]!.deviceId).toBe("apple-m5-max-macbook-pro");
    expect(r.warnings.join(" ")).toMatch(/is the dataset's device "apple-m5-max-macbook-pro"/);
  });
});
