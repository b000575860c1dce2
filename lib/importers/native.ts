/**
 * The native format needs no conversion: it is checked against its schema,
 * and each problem is reported at its path (runs[3].decodeTokensPerSec).
 */
import { benchmarkFileSchema } from "@/lib/schemas/benchmark-file";
import { readInput } from "./json";
import { failure, issuesFromZod, type ImportResult } from "./result";

export function importNative(input: unknown): ImportResult {
  const read = readInput(input);
  if (!read.ok) return failure(read.errors);
  const parsed = benchmarkFileSchema.safeParse(read.value);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  return { ok: true, file: parsed.data, warnings: [], skipped: [] };
}
