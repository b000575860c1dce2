/**
 * Tests of one configuration → one run. The configuration is everything that
 * changes the speed: model file, type and size, backends, threads, GPU layers,
 * flash attention, KV cache types, batch sizes, depth, build and machine.
 *   - prefill: the pp512 test (llama-bench's default), else the closest to 512;
 *   - decode: the tg128 test, else the closest to 128;
 *   - combined pp+tg tests blend the two speeds: notes only, never decode.
 */
import { z } from "zod";
import type { RunInput } from "@/lib/schemas/benchmark-file";
import { slugify } from "./ids";
import { backendOf, flashAttnOf, nameModel, parseFileName, type ModelNaming } from "./llama-bench-model";
import type { BenchTest } from "./llama-bench-test";

const PREFERRED_PROMPT = 512;
const PREFERRED_GEN = 128;

const CONFIG_KEYS = [
  "model_filename", "model_type", "model_size", "n_threads", "n_gpu_layers", "type_k", "type_v",
  "build_commit", "n_batch", "n_ubatch", "n_depth", "n_cpu_moe", "cpu_info", "gpu_info",
] as const;

/** Tests of one configuration, in file order. */
export function groupTests(tests: BenchTest[]): BenchTest[][] {
  const groups = new Map<string, BenchTest[]>();
  for (const t of tests) {
    const rec = t as unknown as Record<string, unknown>;
    const key = JSON.stringify([
      ...CONFIG_KEYS.map((k) => rec[k] ?? null),
      backendOf(rec).backend,
      flashAttnOf(rec.flash_attn),
    ]);
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()];
}

/**
 * Model ids come from model_type ("llama 8B Q4_K - Medium"), which two
 * different files can share (Llama 3.1 8B and a fine-tune of it): when one
 * file holds both, those models are named after their file names instead.
 */
export function nameGroups(groups: BenchTest[][]): (ModelNaming | null)[] {
  const namings = groups.map((g) => nameModel(g[0]!.model_type, g[0]!.model_filename));
  const stems = new Map<string, Set<string>>();
  groups.forEach((g, i) => {
    const id = namings[i]?.modelId;
    if (id && g[0]!.model_filename) stems.set(id, (stems.get(id) ?? new Set()).add(parseFileName(g[0]!.model_filename).stem));
  });
  return namings.map((naming, i) => {
    const file = groups[i]![0]!.model_filename;
    if (!naming || !file || (stems.get(naming.modelId)?.size ?? 0) < 2) return naming;
    const byFile = slugify(parseFileName(file).stem);
    return byFile ? { ...naming, modelId: byFile } : naming;
  });
}

/** The test closest to the preferred size (ties: the larger); among repeats, the last. */
function pick(tests: BenchTest[], size: (t: BenchTest) => number, preferred: number): BenchTest | undefined {
  let best: BenchTest | undefined;
  for (const t of tests) {
    if (!best) {
      best = t;
      continue;
    }
    const d = Math.abs(size(t) - preferred);
    const bestD = Math.abs(size(best) - preferred);
    if (d < bestD || (d === bestD && size(t) >= size(best))) best = t;
  }
  return best;
}

const fmt = (x: number) => (Math.round(x * 100) / 100).toString();

export function toRun(group: BenchTest[], deviceId: string, vId: string, warnings: string[]): RunInput | null {
  const pp = group.filter((t) => t.n_prompt > 0 && t.n_gen === 0);
  const tg = group.filter((t) => t.n_gen > 0 && t.n_prompt === 0);
  const mixed = group.filter((t) => t.n_prompt > 0 && t.n_gen > 0);
  const prefill = pick(pp, (t) => t.n_prompt, PREFERRED_PROMPT);
  const decode = pick(tg, (t) => t.n_gen, PREFERRED_GEN);
  if (!prefill && !decode) return null;
  for (const [chosen, all, label] of [[prefill, pp, "pp"], [decode, tg, "tg"]] as const) {
    if (!chosen) continue;
    const size = label === "pp" ? chosen.n_prompt : chosen.n_gen;
    const repeats = all.filter((t) => (label === "pp" ? t.n_prompt : t.n_gen) === size).length;
    if (repeats > 1) warnings.push(`${label}${size} appears ${repeats} times in one configuration (${chosen.where}); the last one is used`);
  }

  const first = group[0]! as BenchTest & Record<string, unknown>;
  const { backend, note: backendNote } = backendOf(first);
  const fa = flashAttnOf(first.flash_attn);
  const others = [
    ...pp.filter((t) => t !== prefill).map((t) => `pp${t.n_prompt} ${fmt(t.tokensPerSec)} t/s`),
    ...tg.filter((t) => t !== decode).map((t) => `tg${t.n_gen} ${fmt(t.tokensPerSec)} t/s`),
    ...mixed.map((t) => `pp${t.n_prompt}+tg${t.n_gen} ${fmt(t.tokensPerSec)} t/s (blended, not decode)`),
  ];
  const notes = [
    `llama-bench build ${String(first.build_commit ?? "?")}${first.build_number !== undefined ? ` (${String(first.build_number)})` : ""}`,
    first.n_threads !== undefined ? `${String(first.n_threads)} threads` : undefined,
    first.n_gpu_layers !== undefined ? `n_gpu_layers ${first.n_gpu_layers}` : undefined,
    fa ? `flash_attn ${fa}` : undefined,
    first.type_k !== undefined ? `KV ${String(first.type_k)}/${String(first.type_v ?? first.type_k)}` : undefined,
    first.n_depth ? `at depth ${first.n_depth}` : undefined,
    backendNote,
    others.length > 0 ? `other tests: ${others.join(", ")}` : undefined,
  ].filter(Boolean);

  const reps = (decode ?? prefill)!;
  const repetitions = reps.samples_ns?.length ?? reps.samples_ts?.length;
  const measuredAt = validDateTime(decode?.test_time) ?? validDateTime(prefill?.test_time);
  return {
    deviceId,
    variantId: vId,
    runtime: "llama.cpp",
    backend,
    status: "measured",
    ...(decode ? { decodeTokensPerSec: decode.tokensPerSec, generatedTokens: decode.n_gen } : {}),
    ...(decode?.stddev_ts !== undefined ? { decodeStddevTokensPerSec: decode.stddev_ts } : {}),
    ...(prefill ? { prefillTokensPerSec: prefill.tokensPerSec, promptTokens: prefill.n_prompt } : {}),
    ...(typeof first.n_depth === "number" && first.n_depth > 0 ? { contextDepthTokens: first.n_depth } : {}),
    ...(prefill?.stddev_ts !== undefined ? { prefillStddevTokensPerSec: prefill.stddev_ts } : {}),
    ...(first.model_size !== undefined ? { weightsMB: first.model_size / 1e6 } : {}),
    ...(repetitions ? { repetitions } : {}),
    ...(measuredAt ? { measuredAt } : {}),
    notes: notes.join("; ").slice(0, 1000),
  };
}

function validDateTime(value: string | undefined): string | undefined {
  return value !== undefined && z.iso.datetime({ offset: true }).safeParse(value).success ? value : undefined;
}
