/**
 * What a validated file would add, decided from the file and the stored rows it
 * refers to: unknown references (located errors), runs a plausibility check
 * rules out (held back until the user confirms them), duplicates and the
 * calibration its runs imply. Pure: the dry run and the commit both call it,
 * so the preview is the commit's answer.
 */
import { calibrate, type DeviceCalibration } from "@/lib/benchmarks/calibration";
import { findingsOfRun } from "@/lib/benchmarks/run-findings";
import type { UploadIssue } from "@/lib/schemas/uploads";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";

export interface StoredFacts {
  devices: { id: string; memoryBandwidthGBps: number | null; batteryWh: number | null }[];
  variants: {
    id: string;
    sizeGB: number | null;
    quantization: string;
    paramsB: number | null;
    activeParamsB: number | null;
    architecture: "dense" | "moe" | null;
  }[];
  modelIds: string[];
  /** Duplicate keys (runDedupeKey) of the file's runs that the database already holds. */
  runKeys: Set<string>;
}

export interface UploadPreview {
  /** References neither the file nor the dataset holds: the file cannot be stored. */
  errors: UploadIssue[];
  /** Runs a physical plausibility check rules out, one entry per failed check: stored only when confirmed. */
  held: UploadIssue[];
  newDevices: string[];
  newModels: string[];
  newVariants: string[];
  runs: number;
  /** Runs the database already holds: not stored again. */
  duplicateRows: number[];
  /** Each run's duplicate key (runDedupeKey), in the file's order: the commit stores these. */
  runKeys: readonly string[];
  prices: number;
  calibrations: DeviceCalibration[];
}

/** The ids a file refers to, for loading the stored facts. */
export function referencedIds(file: BenchmarkFile): { deviceIds: string[]; variantIds: string[]; modelIds: string[] } {
  return {
    deviceIds: [...new Set([...file.devices.map((d) => d.id), ...file.runs.map((r) => r.deviceId)])],
    variantIds: [
      ...new Set([...file.variants.map((v) => v.id), ...file.runs.map((r) => r.variantId), ...file.quality.flatMap((q) => q.variantId ?? [])]),
    ],
    modelIds: [...new Set([...file.models.map((m) => m.id), ...file.variants.map((v) => v.modelId), ...file.quality.map((q) => q.modelId)])],
  };
}

function unknownReferences(file: BenchmarkFile, stored: StoredFacts): UploadIssue[] {
  const devices = new Set([...file.devices.map((d) => d.id), ...stored.devices.map((d) => d.id)]);
  const variants = new Set([...file.variants.map((v) => v.id), ...stored.variants.map((v) => v.id)]);
  const models = new Set([...file.models.map((m) => m.id), ...stored.modelIds]);
  const errors: UploadIssue[] = [];
  const unknown = (where: string, what: string, id: string) =>
    errors.push({ where, code: "unknown_reference", message: `unknown ${what} "${id}": neither this file nor the dataset has it` });
  file.runs.forEach((r, i) => {
    if (!devices.has(r.deviceId)) unknown(`runs[${i}].deviceId`, "device", r.deviceId);
    if (!variants.has(r.variantId)) unknown(`runs[${i}].variantId`, "variant", r.variantId);
  });
  file.variants.forEach((v, i) => {
    if (!models.has(v.modelId)) unknown(`variants[${i}].modelId`, "model", v.modelId);
  });
  file.quality.forEach((q, i) => {
    if (!models.has(q.modelId)) unknown(`quality[${i}].modelId`, "model", q.modelId);
    if (q.variantId !== undefined && !variants.has(q.variantId)) unknown(`quality[${i}].variantId`, "variant", q.variantId);
  });
  return errors;
}

/** `runKeys`: each of the file's runs' duplicate key (runDedupeKey), in the file's order. */
export function previewUpload(file: BenchmarkFile, stored: StoredFacts, runKeys: readonly string[]): UploadPreview {
  const knownDevices = new Set(stored.devices.map((d) => d.id));
  const knownVariants = new Set(stored.variants.map((v) => v.id));
  const knownModels = new Set(stored.modelIds);

  // Facts for the checks: the database's rows win, as they win at ingest.
  const deviceFacts = new Map(file.devices.map((d) => [d.id, { bw: d.memoryBandwidthGBps ?? null, wh: d.batteryWh ?? null }]));
  for (const d of stored.devices) deviceFacts.set(d.id, { bw: d.memoryBandwidthGBps, wh: d.batteryWh });
  const fileModels = new Map(file.models.map((m) => [m.id, m]));
  const variantFacts = new Map(
    file.variants.map((v) => {
      const m = fileModels.get(v.modelId);
      return [v.id, { sizeGB: v.sizeGB ?? null, quantization: v.quantization, paramsB: m?.paramsB ?? null, activeParamsB: m?.activeParamsB ?? null, architecture: m?.architecture ?? null }];
    }),
  );
  for (const v of stored.variants) variantFacts.set(v.id, v);

  const duplicateRows = file.runs.flatMap((_, i) => (stored.runKeys.has(runKeys[i]!) ? [i] : []));
  const duplicates = new Set(duplicateRows);
  const held: UploadIssue[] = [];
  file.runs.forEach((run, row) => {
    if (duplicates.has(row)) return; // not stored again, so nothing to confirm
    const d = deviceFacts.get(run.deviceId);
    const v = variantFacts.get(run.variantId);
    const { findings } = findingsOfRun({
      decodeTokensPerSec: run.decodeTokensPerSec ?? null,
      powerW: run.powerW ?? null,
      batteryDrainPctPer30Min: run.batteryDrainPctPer30Min ?? null,
      backend: run.backend ?? null,
      memoryBandwidthGBps: d?.bw ?? null,
      batteryWh: d?.wh ?? null,
      sizeGB: v?.sizeGB ?? null,
      paramsB: v?.paramsB ?? null,
      activeParamsB: v?.activeParamsB ?? null,
      architecture: v?.architecture ?? null,
      quantization: v?.quantization ?? null,
    });
    for (const f of findings) {
      if (f.ok === false) held.push({ where: `runs[${row}] (${run.deviceId}, ${run.variantId})`, code: "implausible", message: f.reason });
    }
  });

  return {
    errors: unknownReferences(file, stored),
    held,
    newDevices: file.devices.map((d) => d.id).filter((id) => !knownDevices.has(id)),
    newModels: file.models.map((m) => m.id).filter((id) => !knownModels.has(id)),
    newVariants: file.variants.map((v) => v.id).filter((id) => !knownVariants.has(id)),
    runs: file.runs.length - duplicateRows.length,
    duplicateRows,
    runKeys,
    prices: file.prices.length,
    calibrations: calibrate(
      file.runs
        .filter((r) => r.status === "measured")
        .map((r) => {
          const v = variantFacts.get(r.variantId);
          return {
            deviceId: r.deviceId,
            runtime: r.runtime,
            variantId: r.variantId,
            decodeTokensPerSec: r.decodeTokensPerSec ?? null,
            memoryBandwidthGBps: deviceFacts.get(r.deviceId)?.bw ?? null,
            sizeGB: v?.sizeGB ?? null,
            paramsB: v?.paramsB ?? null,
            activeParamsB: v?.activeParamsB ?? null,
            architecture: v?.architecture ?? null,
          };
        }),
    ),
  };
}
