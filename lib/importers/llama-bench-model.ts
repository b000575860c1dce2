/**
 * Names llama-bench's model, quantization, backend and machine the way the
 * dataset does.
 *
 * Model id rule: llama.cpp's `model_type` is "<arch> <size> <quant>"; the id is
 * the architecture's family name plus the size, lowercased:
 * "gemma3 270M Q4_K - Medium" → "gemma-3-270m", "qwen35moe 35B.A3B Q5_K - Small"
 * → "qwen3.5-35b-a3b" (the same style as PocketPal's ids). When the size is
 * unknown ("llama ?B Q4_0") the file name stands in: "Llama-3.2-1B-Q4_0.gguf" →
 * "llama-3.2-1b" (and also when one file holds two models of the same type).
 */
import { slugify } from "./ids";
import type { DeviceKind } from "@/lib/schemas/benchmark-file";
import { moeFacts } from "./moe";

/** llama.cpp architecture names → the family as people write it. Unknown ones pass through. */
const ARCH_FAMILY: Record<string, string> = {
  gemma: "gemma",
  gemma2: "gemma-2",
  gemma3: "gemma-3",
  gemma3n: "gemma-3n",
  gemma4: "gemma-4",
  qwen2: "qwen2",
  qwen2moe: "qwen2",
  qwen3: "qwen3",
  qwen3moe: "qwen3",
  qwen35: "qwen3.5",
  qwen35moe: "qwen3.5",
  llama: "llama",
  llama4: "llama-4",
  phi2: "phi-2",
  phi3: "phi-3",
  phimoe: "phi-moe",
  deepseek2: "deepseek-2",
  "gpt-oss": "gpt-oss",
  smollm3: "smollm3",
  lfm2: "lfm2",
};

export interface ModelTypeParts {
  arch: string;
  /** "270M", "35B.A3B", "?B" */
  size: string;
  /** Normalised quantization name: "Q4_K_M", "Q5_K_S", "Q4_0", "F16". */
  quantization: string | null;
}

export function parseModelType(modelType: string): ModelTypeParts | null {
  const match = /^(\S+)\s+(\S+)\s+(.+)$/.exec(modelType.trim());
  if (!match) return null;
  return { arch: match[1]!, size: match[2]!, quantization: normaliseQuant(match[3]!) };
}

/**
 * llama.cpp prints file types as "Q4_K - Medium", "IQ2_XXS - 2.0625 bpw",
 * "all F32", "MXFP4 MoE" ("mostly Q4_0" in 2023); the dataset uses the names people download:
 * Q4_K_M, IQ2_XXS, F32, MXFP4. ("Q2_K - Medium" is plain Q2_K.)
 */
export function normaliseQuant(text: string): string | null {
  // 2023 builds wrote "mostly Q4_0"; "all F32" means every tensor is F32.
  const t = text.trim().replace(/^(mostly|all)\s+/i, "");
  const kSuffix = /^(Q\d)_K - (Small|Medium|Large)$/i.exec(t);
  if (kSuffix) {
    const base = kSuffix[1]!.toUpperCase();
    const size = kSuffix[2]!.toLowerCase();
    if (base === "Q2" && size === "medium") return "Q2_K";
    return `${base}_K_${size[0]!.toUpperCase()}`;
  }
  const first = t.split(/\s+/)[0];
  return first && /^[A-Za-z0-9_]+$/.test(first) ? first.toUpperCase() : null;
}

const FILE_QUANT = /[-._](I?Q\d[A-Za-z0-9_]*|TQ\d_\d|BF16|F16|F32|FP16|MXFP4)$/i;

/** "…/Qwen3.5-35B-A3B-Q5_K_S.gguf" → { stem: "Qwen3.5-35B-A3B", quantization: "Q5_K_S" }. */
export function parseFileName(path: string): { stem: string; quantization: string | null } {
  const base = path.split(/[\\/]/).pop() ?? path;
  const noExt = base.replace(/\.gguf$/i, "");
  const q = FILE_QUANT.exec(noExt);
  return q ? { stem: noExt.slice(0, q.index), quantization: q[1]!.toUpperCase() } : { stem: noExt, quantization: null };
}

export interface ModelNaming {
  modelId: string;
  name: string;
  quantization: string;
  /** Parameters read per token, from "35B.A3B" style sizes. */
  activeParamsB?: number;
  moe: boolean;
}

export function nameModel(modelType: string | undefined, fileName: string | undefined): ModelNaming | null {
  const parts = modelType ? parseModelType(modelType) : null;
  const file = fileName ? parseFileName(fileName) : null;
  const quantization = parts?.quantization ?? file?.quantization ?? null;
  if (!quantization) return null;

  const sizeKnown = parts && !parts.size.includes("?");
  // "1.7B" keeps its dot so ids match the PocketPal matrices' ("qwen3-1.7b"); "35B.A3B" becomes "35b-a3b".
  const family = parts ? (ARCH_FAMILY[parts.arch.toLowerCase()] ?? parts.arch) : null;
  const modelId = sizeKnown && family ? slugify(`${family}-${parts.size.replace(/\.(?=A\d)/i, "-")}`) : file ? slugify(file.stem) : null;
  if (!modelId) return null;

  const active = parts ? /\.A(\d+(?:\.\d+)?)B$/i.exec(parts.size) : null;
  const known = moeFacts(modelId, modelType, fileName);
  const moe = Boolean(active) || known.moe || /moe$/i.test(parts?.arch ?? "") || /^\d+x\d/i.test(parts?.size ?? "");
  const activeParamsB = active ? Number(active[1]) : known.activeParamsB;
  const name = file?.stem || (parts ? `${parts.arch} ${parts.size}` : modelId);
  return { modelId, name, quantization, moe, ...(activeParamsB !== undefined ? { activeParamsB } : {}) };
}

/** Backends that run layers off the CPU: with n_gpu_layers 0 they hold no layer. */
const OFFLOAD_BACKENDS = new Set(["CUDA", "MTL", "METAL", "VULKAN", "SYCL", "HIP", "ROCM", "OPENCL", "KOMPUTE", "MUSA", "CANN", "HTP", "WEBGPU", "RPC"]);

/** 2023–24 builds: booleans instead of `backends`; `rpc` is a string there. */
const LEGACY_FLAGS: [key: string, name: string][] = [
  ["cuda", "CUDA"],
  ["metal", "Metal"],
  ["vulkan", "Vulkan"],
  ["sycl", "SYCL"],
  ["opencl", "OpenCL"],
  ["kompute", "Kompute"],
  ["rpc", "RPC"],
  ["gpu_blas", "BLAS"],
  ["blas", "BLAS"],
];

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}

/**
 * The backend string of a test. Offload backends are dropped when
 * n_gpu_layers is 0, since every layer then ran on the CPU: a Metal build run
 * with `-ngl 0` is a CPU (BLAS) run.
 */
export function backendOf(test: Record<string, unknown>): { backend: string; note?: string } {
  let names: string[];
  if (typeof test.backends === "string" && test.backends.trim() !== "") {
    names = test.backends.split(",").map((s) => s.trim()).filter(Boolean);
  } else {
    names = [...new Set(LEGACY_FLAGS.filter(([key]) => truthy(test[key])).map(([, name]) => name))];
  }
  const all = names.length > 0 ? names : ["CPU"];
  if (test.n_gpu_layers !== 0) return { backend: all.join(",") };
  const kept = all.filter((n) => !OFFLOAD_BACKENDS.has(n.toUpperCase()));
  if (kept.length === all.length) return { backend: all.join(",") };
  return {
    backend: kept.length > 0 ? kept.join(",") : "CPU",
    note: `built with ${all.join(",")}, run with n_gpu_layers 0 (CPU only)`,
  };
}

/** flash_attn is a bool in older builds, -1/0/1 (auto/off/on) in newer ones. */
export function flashAttnOf(value: unknown): "on" | "off" | "auto" | null {
  if (value === true || value === 1 || value === "1" || value === "on" || value === "enabled") return "on";
  if (value === false || value === 0 || value === "0" || value === "off" || value === "disabled") return "off";
  if (value === -1 || value === "-1" || value === "auto") return "auto";
  return null;
}

const GENERIC_CPU_WORDS = new Set(["cpu", "blas", "openblas", "accelerate", "mkl", "blis", "arm", "aarch64", "x86_64", "unknown", "cuda", "metal"]);

/**
 * A machine named in `cpu_info` ("Accelerate, Apple M5 Max" → Apple M5 Max).
 * Android and Linux ARM builds print just "CPU": then there is nothing to propose.
 */
export function machineFromCpuInfo(cpuInfo: unknown): string | null {
  if (typeof cpuInfo !== "string") return null;
  const parts = cpuInfo
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length >= 3 && !GENERIC_CPU_WORDS.has(s.toLowerCase()));
  const named = parts.find((s) => /apple m\d|ryzen|epyc|xeon|core|intel|amd|snapdragon|qualcomm|cortex|neoverse|graviton|ampere|dimensity|exynos|tensor/i.test(s));
  return named ?? null;
}

export function deviceKindOf(machine: string): DeviceKind {
  if (/snapdragon|dimensity|exynos|tensor g|adreno|mali|powervr|xclipse|immortalis/i.test(machine)) return "phone";
  if (/cortex|neoverse|raspberry|jetson/i.test(machine)) return "board";
  // Data-centre accelerators and server CPUs.
  if (/\b(A100|H100|H200|B200|L40S?|L4|A10G?|T4|V100|MI\d{3}X?|Instinct|Tesla|Data Center|EPYC|Xeon|Graviton)\b/i.test(machine)) return "server";
  // Discrete desktop GPUs (a laptop's GPU says "Laptop").
  if (/\b(GeForce|RTX|GTX|Radeon RX|Arc A\d)/i.test(machine) && !/laptop|mobile/i.test(machine)) return "desktop";
  return "laptop";
}

/**
 * The GPU a test ran on when its backend offloads layers: `gpu_info` names it
 * ("NVIDIA GeForce RTX 4090"); several GPUs are listed with commas or slashes, the first is taken.
 */
export function machineFromGpuInfo(gpuInfo: unknown, backend: string): string | null {
  if (typeof gpuInfo !== "string" || gpuInfo.trim() === "") return null;
  const offloads = backend.split(",").some((b) => OFFLOAD_BACKENDS.has(b.trim().toUpperCase()) && b.trim().toUpperCase() !== "RPC");
  if (!offloads) return null;
  const first = gpuInfo.split(/[,/]/)[0]!.trim();
  return first.length >= 3 ? first : null;
}

/** A device the dataset already knows, as an importer may match a file's machine against it. */
export interface KnownDevice {
  id: string;
  name: string;
  soc?: string | null;
}

function words(text: string): string {
  return text.toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * The known device a machine name denotes: its id, name or SoC equal to the machine
 * once case, punctuation and parenthesised detail are set aside ("Apple M5 Max" is
 * the SoC "Apple M5 Max (18-core CPU, 40-core GPU)"); null when none or several match.
 */
export function matchKnownDevice(machine: string, known: readonly KnownDevice[]): KnownDevice | null {
  const target = words(machine);
  if (target === "") return null;
  const hits = known.filter((d) => [d.id, d.name, d.soc ?? ""].some((t) => words(t) === target));
  return hits.length === 1 ? hits[0]! : null;
}
