import type { Database } from "@/db/client";
import { ingestBenchmarkFile } from "@/db/queries/ingest";
import { benchmarkFileSchema, type BenchmarkFileInput } from "@/lib/schemas/benchmark-file";

/** Parses a native file and stores it as its own source in one transaction, as an upload's commit does. */
export function ingestNativeFile(db: Database, file: BenchmarkFileInput): ReturnType<typeof ingestBenchmarkFile> {
  return db.transaction((tx) => ingestBenchmarkFile(tx, benchmarkFileSchema.parse(file), { format: "native" }));
}
