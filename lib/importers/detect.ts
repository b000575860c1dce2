/**
 * Recognises an uploaded text and hands it to its importer.
 *
 * Formats, by what only they contain:
 *   native       { "format": "edge-llm-benchmarks", … }
 *   pocketpal    { "version": "1.1", "runs": [...] } (or "1.0" memory baselines, refused by the importer)
 *   openrouter   { "data": [ { "id", "pricing": {…} } ] }
 *   litellm      { "<model>": { "litellm_provider" | "input_cost_per_token" … }, "sample_spec"? }
 *   llm-prices   { "vendor", "models": [ { "id", "price_history": [...] } ] }
 *   llama-bench  tests with "n_prompt" and "n_gen": an array, JSONL, a single test,
 *                or text that is not one JSON document (log lines, a crashed run)
 */
import { importLiteLLM } from "./litellm";
import { importLlmPrices, looksLikeLlmPrices } from "./llm-prices";
import { importLlamaBench } from "./llama-bench";
import { importNative } from "./native";
import { importOpenRouter } from "./openrouter";
import { importPocketPal } from "./pocketpal";
import { isRecord, parseJsonDocument, stripBom } from "./json";
import type { ImportIssue, ImportResult } from "./result";
import type { DeviceInput } from "@/lib/schemas/benchmark-file";
import type { SourceOverride } from "./options";

export type ImportFormat = "native" | "pocketpal" | "llama-bench" | "litellm" | "openrouter" | "llm-prices";

export interface ImportTextOptions {
  deviceId?: string;
  device?: DeviceInput;
  emitModels?: boolean;
  /** Pricing feeds carry no dates: the day the feed was fetched. */
  effectiveDate?: string;
  allowlist?: string[];
  source?: SourceOverride;
  fileName?: string;
  /** Devices already in the dataset, so a llama-bench file from one refers to it. */
  knownDevices?: { id: string; name: string; soc?: string | null }[];
}

export type DetectedImport = ImportResult & { format: ImportFormat | null };

type Detection = { format: ImportFormat; parsed: unknown } | { format: null; errors: ImportIssue[] };

const isTest = (v: unknown) => isRecord(v) && "n_prompt" in v && "n_gen" in v;

export function detectFormat(text: string): Detection {
  const body = stripBom(text);
  if (body.trim() === "") return { format: null, errors: [{ where: "(file)", message: "the file is empty" }] };
  const doc = parseJsonDocument(body);
  if (!doc.ok) {
    // Log lines before the array, JSONL and crashed runs are not one JSON document.
    if (/"n_prompt"\s*:/.test(body) && /"(avg_ts|samples_ns|samples_ts)"\s*:/.test(body)) {
      return { format: "llama-bench", parsed: body };
    }
    return { format: null, errors: doc.errors };
  }
  const v = doc.value;
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(isTest)) return { format: "llama-bench", parsed: body };
    return { format: null, errors: [{ where: "(file)", message: "a JSON array, but not of llama-bench tests (objects with n_prompt and n_gen)" }] };
  }
  if (isRecord(v)) {
    if (v.format === "edge-llm-benchmarks") return { format: "native", parsed: v };
    if ((v.version === "1.1" || v.version === "1.0") && ("runs" in v || "checkpoints" in v)) return { format: "pocketpal", parsed: v };
    if (Array.isArray(v.data) && v.data.some((m) => isRecord(m) && "pricing" in m)) return { format: "openrouter", parsed: v };
    if (looksLikeLlmPrices(v)) return { format: "llm-prices", parsed: v };
    if ("sample_spec" in v || Object.values(v).some((e) => isRecord(e) && ("litellm_provider" in e || "input_cost_per_token" in e))) {
      return { format: "litellm", parsed: v };
    }
    if (isTest(v)) return { format: "llama-bench", parsed: body };
  }
  return {
    format: null,
    errors: [{ where: "(file)", message: "unrecognised format: expected the native format, llama-bench JSON/JSONL, a PocketPal matrix, LiteLLM prices, an OpenRouter models response or an llm-prices vendor file" }],
  };
}

export function importText(text: string, options: ImportTextOptions = {}): DetectedImport {
  const detected = detectFormat(text);
  if (detected.format === null) return { ok: false, errors: detected.errors, format: null };
  const { format, parsed } = detected;
  const device = { ...(options.deviceId ? { deviceId: options.deviceId } : {}), ...(options.device ? { device: options.device } : {}) };
  const models = options.emitModels === undefined ? {} : { emitModels: options.emitModels };
  const source = options.source ? { source: options.source } : {};
  const feed = { effectiveDate: options.effectiveDate ?? "", ...(options.allowlist ? { allowlist: options.allowlist } : {}), ...source };
  switch (format) {
    case "native":
      return { ...importNative(parsed), format };
    case "pocketpal":
      return { ...importPocketPal(parsed, { ...device, ...models, ...source }), format };
    case "llama-bench":
      return { ...importLlamaBench(String(parsed), {
          ...device,
          ...models,
          ...source,
          ...(options.fileName ? { fileName: options.fileName } : {}),
          ...(options.knownDevices ? { knownDevices: options.knownDevices } : {}),
        }), format };
    case "litellm":
      return { ...importLiteLLM(parsed, feed), format };
    case "openrouter":
      return { ...importOpenRouter(parsed, feed), format };
    case "llm-prices":
      return { ...importLlmPrices(parsed, feed), format };
  }
}
