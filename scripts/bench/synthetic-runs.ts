/** Deterministic synthetic runs over the seed's devices and variants, the native file that carries them, and their raw insert. */
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { benchmarkRuns, runtimes, sources } from "@/db/schema";

/** Deterministic, so two runs of a bench ingest the same rows. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRun {
  deviceId: string;
  variantId: string;
  runtime: string;
  backend: string;
  status: "measured";
  decodeTokensPerSec: number;
  prefillTokensPerSec: number;
  measuredAt: string;
}

export function syntheticRuns(count: number, seed: number, deviceIds: string[], variantIds: string[]): SyntheticRun[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: count }, () => ({
    deviceId: pick(deviceIds),
    variantId: pick(variantIds),
    runtime: "llama.cpp",
    backend: pick(["cpu", "gpu"]),
    status: "measured" as const,
    // Low enough for every seed device's bandwidth bound: no plausibility warnings.
    decodeTokensPerSec: Math.round((0.5 + rand() * 2) * 100) / 100,
    prefillTokensPerSec: Math.round((5 + rand() * 50) * 100) / 100,
    measuredAt: `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
  }));
}

/** An upload in the native format holding only `runs` (of the seed's devices and variants). */
export function nativeFile(title: string, runs: readonly object[]): string {
  return JSON.stringify({
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [],
    models: [],
    variants: [],
    quality: [],
    runs,
    prices: [],
  });
}

/**
 * `count` measured runs of one seed phone and variant that differ only in decode speed,
 * `first` and then `step` apart (to 4 decimals): no run a duplicate of another, so a file
 * of them is stored whole.
 */
export function distinctRuns(count: number, first: number, step: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    deviceId: "poco-myron",
    variantId: "qwen3-1.7b-q4_0",
    runtime: "llama.cpp",
    status: "measured",
    decodeTokensPerSec: Number((first + i * step).toFixed(4)),
  }));
}

/** The same rows by drizzle's batch() of plain inserts (200 rows each, as ingest chunks them): no checks, no keys, no yields. */
export async function insertRunsRaw(db: Database, runs: SyntheticRun[], title: string): Promise<number> {
  const [runtime] = await db.select({ id: runtimes.id }).from(runtimes).where(eq(runtimes.name, "llama.cpp"));
  const runtimeId = runtime?.id ?? (await db.insert(runtimes).values({ name: "llama.cpp" }).returning({ id: runtimes.id }))[0]!.id;
  const started = performance.now();
  const [source] = await db.insert(sources).values({ kind: "upload", title, format: "native" }).returning({ id: sources.id });
  const inserts = [];
  for (let i = 0; i < runs.length; i += 200) {
      // Every column ingest writes (absent figures as NULL), but no duplicate key.
      const rows = runs.slice(i, i + 200).map((r) => ({
        deviceId: r.deviceId,
        variantId: r.variantId,
        runtimeId,
        backend: r.backend,
        status: r.status,
        sourceId: source!.id,
        decodeTokensPerSec: r.decodeTokensPerSec,
        prefillTokensPerSec: r.prefillTokensPerSec,
        ttftMs: null,
        promptTokens: null,
        generatedTokens: null,
        peakMemoryMB: null,
        weightsMB: null,
        powerW: null,
        batteryDrainPctPer30Min: null,
        throttlePct: null,
        throttleAfterMin: null,
        coldStartSec: null,
        repetitions: null,
        decodeStddevTokensPerSec: null,
        prefillStddevTokensPerSec: null,
        measuredAt: r.measuredAt,
        notes: null,
      }));
      inserts.push(db.insert(benchmarkRuns).values(rows));
  }
  await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
  return performance.now() - started;
}
