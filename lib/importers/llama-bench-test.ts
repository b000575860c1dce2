/**
 * One llama-bench test object, checked. Only what the import uses is checked;
 * unknown keys (forks add their own) are ignored. Required: n_prompt, n_gen and
 * a speed (avg_ts, or samples_ts / samples_ns to compute it from).
 */
import { z } from "zod";
import { isRecord } from "./json";
import type { RawTest } from "./llama-bench-text";
import { issuesFromZod, type ImportIssue } from "./result";

const whole = z.number({ error: "expected a whole number ≥ 0" }).int({ error: "expected a whole number ≥ 0" }).nonnegative({ error: "expected a whole number ≥ 0" });
const positive = z.number({ error: "expected a positive number" }).positive({ error: "expected a positive number" });

const testSchema = z
  .looseObject({
    n_prompt: whole,
    n_gen: whole,
    n_depth: whole.optional(),
    avg_ts: positive.optional(),
    stddev_ts: z.number({ error: "expected a number ≥ 0" }).nonnegative({ error: "expected a number ≥ 0" }).optional(),
    samples_ns: z.array(positive, { error: "expected a list of positive numbers" }).optional(),
    samples_ts: z.array(positive, { error: "expected a list of positive numbers" }).optional(),
    model_size: positive.optional(),
    model_n_params: positive.optional(),
    model_type: z.string().optional(),
    model_filename: z.string().optional(),
    n_gpu_layers: z.number().int().optional(),
    test_time: z.string().optional(),
  })
  .refine((t) => t.n_prompt > 0 || t.n_gen > 0, { message: "n_prompt and n_gen are both 0: the test measures nothing", path: ["n_gen"] })
  .refine((t) => t.avg_ts !== undefined || (t.samples_ts?.length ?? 0) > 0 || (t.samples_ns?.length ?? 0) > 0, {
    message: "needs avg_ts (or samples_ts / samples_ns)",
    path: ["avg_ts"],
  });

/** A checked test, with where it came from and its speed in tokens/s. */
export type BenchTest = z.infer<typeof testSchema> & { where: string; tokensPerSec: number };

export function validateTest(raw: RawTest): { ok: true; test: BenchTest } | { ok: false; issues: ImportIssue[] } {
  if (!isRecord(raw.value)) return { ok: false, issues: [{ where: raw.where, message: "expected a test object" }] };
  const parsed = testSchema.safeParse(raw.value);
  if (!parsed.success) {
    return { ok: false, issues: issuesFromZod(parsed.error).map((i) => ({ where: `${raw.where}: ${i.where}`, message: i.message })) };
  }
  const t = parsed.data;
  return { ok: true, test: { ...t, where: raw.where, tokensPerSec: tokensPerSec(t) } };
}

/** avg_ts, else the mean of samples_ts, else tokens ÷ seconds of each samples_ns (as llama-bench computes avg_ts). */
function tokensPerSec(t: z.infer<typeof testSchema>): number {
  if (t.avg_ts !== undefined) return t.avg_ts;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (t.samples_ts && t.samples_ts.length > 0) return mean(t.samples_ts);
  const tokens = t.n_prompt + t.n_gen;
  return mean((t.samples_ns ?? []).map((ns) => (tokens * 1e9) / ns));
}
