/**
 * Benchmark runs as CSV (papaparse `unparse`): one flat record per run, columns
 * named with their units like the native format, status and source on every row.
 */
import Papa from "papaparse";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";

export const benchmarkCsvColumns = [
  "id",
  "status",
  "deviceId",
  "deviceName",
  "soc",
  "modelId",
  "modelName",
  "paramsB",
  "variantId",
  "quantization",
  "sizeGB",
  "runtime",
  "backend",
  "decodeTokensPerSec",
  "decodeStddevTokensPerSec",
  "prefillTokensPerSec",
  "prefillStddevTokensPerSec",
  "ttftMs",
  "promptTokens",
  "generatedTokens",
  "peakMemoryMB",
  "weightsMB",
  "powerW",
  "batteryDrainPctPer30Min",
  "throttlePct",
  "throttleAfterMin",
  "coldStartSec",
  "repetitions",
  "measuredAt",
  "sourceId",
  "sourceKind",
  "sourceTitle",
  "sourceUrl",
  "notes",
] as const;
export type BenchmarkCsvColumn = (typeof benchmarkCsvColumns)[number];

export type BenchmarkCsvRecord = Record<BenchmarkCsvColumn, string | number | null>;

export function toBenchmarkCsvRecord(run: BenchmarkRunResponse): BenchmarkCsvRecord {
  const m = run.metrics;
  return {
    id: run.id,
    status: run.status,
    deviceId: run.device.id,
    deviceName: run.device.name,
    soc: run.device.soc,
    modelId: run.variant.modelId,
    modelName: run.variant.modelName,
    paramsB: run.variant.paramsB,
    variantId: run.variant.id,
    quantization: run.variant.quantization,
    sizeGB: run.variant.sizeGB,
    runtime: run.runtime,
    backend: run.backend,
    decodeTokensPerSec: m.decodeTokensPerSec,
    decodeStddevTokensPerSec: m.decodeStddevTokensPerSec,
    prefillTokensPerSec: m.prefillTokensPerSec,
    prefillStddevTokensPerSec: m.prefillStddevTokensPerSec,
    ttftMs: m.ttftMs,
    promptTokens: m.promptTokens,
    generatedTokens: m.generatedTokens,
    peakMemoryMB: m.peakMemoryMB,
    weightsMB: m.weightsMB,
    powerW: m.powerW,
    batteryDrainPctPer30Min: m.batteryDrainPctPer30Min,
    throttlePct: m.throttlePct,
    throttleAfterMin: m.throttleAfterMin,
    coldStartSec: m.coldStartSec,
    repetitions: m.repetitions,
    measuredAt: run.measuredAt,
    sourceId: run.source.id,
    sourceKind: run.source.kind,
    sourceTitle: run.source.title,
    sourceUrl: run.source.url,
    notes: run.notes,
  };
}

/**
 * CSV text of `runs`, with the header line when `header` is set (the first chunk
 * of a streamed export). Every line ends in CRLF, so chunks can be joined as they are.
 * Text cells that a spreadsheet would run as a formula (=, +, -, @ first) get a
 * leading apostrophe (papaparse `escapeFormulae`); numbers (typed as numbers) are left as they are.
 */
export function benchmarkRunsToCsv(runs: BenchmarkRunResponse[], header: boolean): string {
  const rows = runs.map((run) => {
    const record = toBenchmarkCsvRecord(run);
    return benchmarkCsvColumns.map((column) => record[column] ?? "");
  });
  const text = Papa.unparse(
    { fields: [...benchmarkCsvColumns], data: rows },
    // papaparse's own pattern (/^[=+\-@\t\r].*$/) misses a formula followed by a newline: "." stops at it.
    { header, newline: "\r\n", escapeFormulae: /^[=+\-@\t\r]/ },
  );
  return text.length > 0 ? `${text}\r\n` : "";
}
