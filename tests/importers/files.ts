/** Reads the real third-party files the importers are tested on (copied into data/external/). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export function readData(path: string): string {
  return readFileSync(`${root}data/${path}`, "utf8");
}

export function readFixture(path: string): string {
  return readFileSync(`${root}tests/fixtures/${path}`, "utf8");
}

export const POCKETPAL = {
  s23: "external/pocketpal/a-ghorbani__pocketpal-ai__samsung-s23.json",
  myron: "external/pocketpal/a-ghorbani__pocketpal-ai__poco-myron.json",
  klee: "external/pocketpal/a-ghorbani__pocketpal-ai__poco-x7-klee.json",
  iphone13Baseline: "external/pocketpal/a-ghorbani__pocketpal-ai__iphone-13-pro-qwen3-1.7b.json",
  pixel9Baseline: "external/pocketpal/a-ghorbani__pocketpal-ai__pixel-9-qwen3-1.7b.json",
} as const;

export const LLAMA_BENCH = {
  m5Jsonl: "external/llama-bench/jimliddle__m5-max-pro-vs-rog-z13-llamacpp-benchmarks__standard-llama-cpu.jsonl",
  gemmaJson: "external/llama-bench/sensura-san__llm-bench__gemma3-270m-instruct_Q4_K_M_2025-10-15T05-57-53Z.json",
} as const;

export const LITELLM = "external/litellm_model_prices.json";
export const OPENROUTER = "external/openrouter_models_sample.json";
export const LLM_PRICES = (vendor: string) => `external/llm_prices_simonw/${vendor}.json`;
