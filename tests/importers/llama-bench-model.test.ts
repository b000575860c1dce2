import { moeFacts } from "@/lib/importers/moe";
import { describe, expect, it } from "vitest";
import { backendOf, flashAttnOf, machineFromCpuInfo, nameModel, normaliseQuant } from "@/lib/importers/llama-bench-model";

describe("normaliseQuant", () => {
  it.each([
    ["Q4_K - Medium", "Q4_K_M"],
    ["Q5_K - Small", "Q5_K_S"],
    ["Q3_K - Large", "Q3_K_L"],
    ["Q2_K - Medium", "Q2_K"],
    ["Q4_0", "Q4_0"],
    ["mostly Q4_0", "Q4_0"],
    ["IQ2_XXS - 2.0625 bpw", "IQ2_XXS"],
    ["all F32", "F32"],
    ["MXFP4 MoE", "MXFP4"],
    ["BF16", "BF16"],
  ])("writes llama.cpp's %s as %s", (input, expected) => {
    expect(normaliseQuant(input)).toBe(expected);
  });
});

describe("nameModel", () => {
  it("slugs the architecture's family and the size", () => {
    expect(nameModel("gemma3 270M Q4_K - Medium", "models/gemma3-270m-instruct/gemma3-270m-Q4_K_M.gguf")).toEqual({
      modelId: "gemma-3-270m",
      name: "gemma3-270m",
      quantization: "Q4_K_M",
      moe: false,
    });
  });

  it("reads the active parameters of a mixture of experts", () => {
    expect(nameModel("qwen35moe 35B.A3B Q5_K - Small", undefined)).toEqual({
      modelId: "qwen3.5-35b-a3b",
      name: "qwen35moe 35B.A3B",
      quantization: "Q5_K_S",
      activeParamsB: 3,
      moe: true,
    });
  });

  it("falls back on the file name when the size is unknown", () => {
    expect(nameModel("llama ?B Q4_0", "/m/Llama-3.2-1B-Instruct-Q4_0.gguf")).toMatchObject({
      modelId: "llama-3.2-1b-instruct",
      quantization: "Q4_0",
    });
  });

  it("gives up without a quantization", () => {
    expect(nameModel(undefined, "model.bin")).toBeNull();
  });
});

describe("backendOf and flashAttnOf", () => {
  it("keeps the backends of a run that offloads layers", () => {
    expect(backendOf({ backends: "CUDA", n_gpu_layers: 99 })).toEqual({ backend: "CUDA" });
  });

  it("reads a CPU-only build as CPU", () => {
    expect(backendOf({ backends: "CPU", n_gpu_layers: 0 })).toEqual({ backend: "CPU" });
    expect(backendOf({ cuda: false, metal: false, n_gpu_layers: 0 })).toEqual({ backend: "CPU" });
  });

  it("maps bool and int flash_attn to one setting", () => {
    expect([true, 1, false, 0, -1, undefined].map(flashAttnOf)).toEqual(["on", "on", "off", "off", "auto", null]);
  });
});

describe("machineFromCpuInfo", () => {
  it("finds a named machine", () => {
    expect(machineFromCpuInfo("Accelerate, Apple M5 Max")).toBe("Apple M5 Max");
    expect(machineFromCpuInfo("AMD Ryzen AI Max+ 395 w/ Radeon 8060S")).toBe("AMD Ryzen AI Max+ 395 w/ Radeon 8060S");
  });

  it("finds nothing in a bare CPU", () => {
    expect(machineFromCpuInfo("OpenBLAS, CPU")).toBeNull();
    expect(machineFromCpuInfo("CPU")).toBeNull();
  });

  it("keeps a decimal size's dot so a phone's upload matches the dataset's model ids", () => {
    expect(nameModel("qwen3 1.7B Q4_0", "qwen3-1.7b-q4_0.gguf")?.modelId).toBe("qwen3-1.7b");
  });
});

describe("moeFacts", () => {
  it("reads active parameters from an A3B name, a known family, or only the MoE flag", () => {
    expect(moeFacts("qwen3.5-35b-a3b")).toEqual({ moe: true, activeParamsB: 3 });
    expect(moeFacts("qwen3-30b-a3b", "Qwen3-30B-A3B-Q4_K_M")).toEqual({ moe: true, activeParamsB: 3 });
    expect(moeFacts("gpt-oss-120b")).toEqual({ moe: true, activeParamsB: 5.1 });
    expect(moeFacts("mixtral-8x7b", "llama 8x7B Q4_0 MoE")).toEqual({ moe: true });
    expect(moeFacts("qwen3-1.7b", "qwen3 1.7B Q4_K - Medium")).toEqual({ moe: false });
  });
});
