/** A one-run dataset the database tests grow run by run: a 0.6 GB variant on a 67 GB/s phone. */
import { vi } from "vitest";
import type { Database } from "@/db/client";
import type { ingestBenchmarkFile } from "@/db/queries/ingest";
import { benchmarkFileSchema, type BenchmarkFile } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "./ingest";
import { createTempDatabase, type TempDatabase } from "./temp-db";

/** One measured run at `decode` tok/s; its bandwidth bound is 67 GB/s ÷ 0.6 GB per token = 111.7 tok/s. The file as uploaded. */
export function phoneFileText(title: string, decode: number): string {
  return JSON.stringify({
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "test-phone", name: "Test Phone", kind: "phone", memoryBandwidthGBps: 67, batteryWh: 15 }],
    models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
    variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" }],
    quality: [],
    runs: [{ deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: decode }],
    prices: [],
  });
}

/** The same file, parsed as ingest takes it. */
export function phoneFile(title: string, decode: number): BenchmarkFile {
  return benchmarkFileSchema.parse(JSON.parse(phoneFileText(title, decode)));
}

/** Stores the file's run as its own source (the next run id). */
export function ingestPhoneRun(db: Database, title: string, decode: number): ReturnType<typeof ingestBenchmarkFile> {
  return ingestNativeFile(db, JSON.parse(phoneFileText(title, decode)));
}

/** A temporary database that the learning and upload workers open too: they open DATABASE_URL. `close` restores it. */
export async function createWorkerDatabase(): Promise<TempDatabase> {
  const temp = await createTempDatabase();
  vi.stubEnv("DATABASE_URL", temp.url);
  return {
    ...temp,
    close: () => {
      vi.unstubAllEnvs();
      temp.close();
    },
  };
}
