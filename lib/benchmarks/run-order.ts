/**
 * The run list's order in code, as SQL gives it (db/queries/benchmarks.ts, orderOfBenchmarkRuns),
 * and a page of the list with runs added: what lets a page read at one data version be brought
 * to the next without reading the list again (db/queries/kept-run-pages.ts).
 */
import type { BenchmarkRunResponse, BenchmarkSortKey, SortOrder } from "@/lib/schemas/api";

type Key = string | number | null;

const sortValue: Record<BenchmarkSortKey, (run: BenchmarkRunResponse) => Key> = {
  device: (r) => r.device.name,
  soc: (r) => r.device.soc,
  model: (r) => r.variant.modelName,
  quantization: (r) => r.variant.quantization,
  runtime: (r) => r.runtime,
  backend: (r) => r.backend,
  status: (r) => r.status,
  source: (r) => r.source.title,
  decode: (r) => r.metrics.decodeTokensPerSec,
  prefill: (r) => r.metrics.prefillTokensPerSec,
  ttft: (r) => r.metrics.ttftMs,
  peakMemory: (r) => r.metrics.peakMemoryMB,
  power: (r) => r.metrics.powerW,
  measuredAt: (r) => r.measuredAt,
};

/** SQLite's BINARY collation: the UTF-8 bytes (JavaScript's < compares UTF-16 code units, which differ above U+FFFF). */
function compareText(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Two known values of one column (each column holds numbers or text, not both). */
function compareKnown(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareText(String(a), String(b));
}

/**
 * The comparison of two runs in a list sorted by `sort` and `order`: the asked column with
 * unknown values last either way, then the id; without a sort, device id, variant id, id.
 */
export function runListOrder(sort: BenchmarkSortKey | undefined, order: SortOrder = "asc"): (a: BenchmarkRunResponse, b: BenchmarkRunResponse) => number {
  if (!sort) {
    // Slugs are ASCII: code units compare as bytes.
    return (a, b) =>
      a.device.id !== b.device.id ? (a.device.id < b.device.id ? -1 : 1) : a.variant.id !== b.variant.id ? (a.variant.id < b.variant.id ? -1 : 1) : a.id - b.id;
  }
  const value = sortValue[sort];
  const sign = order === "desc" ? -1 : 1;
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1;
    return sign * compareKnown(x, y) || a.id - b.id;
  };
}

/**
 * The page at `offset` (at most `limit` rows) of a list that was `previous` there, once the
 * runs `added` (every run of the list added since, sorted or not) are in it; null when that
 * cannot be told from the page alone: after the first page, a run added before the page's
 * first row moves every row on, and an empty page may now hold some.
 */
export function pageWithAdded<T>(
  previous: readonly T[],
  added: readonly T[],
  runOf: (row: T) => BenchmarkRunResponse,
  compare: (a: BenchmarkRunResponse, b: BenchmarkRunResponse) => number,
  offset: number,
  limit: number,
): T[] | null {
  const have = new Set(previous.map((row) => runOf(row).id));
  // A run the page read already (added while it was read) is not added twice.
  const fresh = added.filter((row) => !have.has(runOf(row).id));
  if (fresh.length === 0) return [...previous];
  if (offset > 0) {
    const first = previous[0];
    if (first === undefined || fresh.some((row) => compare(runOf(row), runOf(first)) < 0)) return null;
  }
  return [...previous, ...fresh].sort((a, b) => compare(runOf(a), runOf(b))).slice(0, limit);
}
