/**
 * The plausibility checks that apply to one run, given what is known about its
 * device and model: decode against the bandwidth bound, the file's bits per
 * parameter, energy per token, and battery drain. A check whose inputs are
 * unknown is listed as not checked, with what is missing. A variant without a
 * file size is checked against the size its parameters and nominal bits give
 * (estimated, lib/plausibility/inferred-size.ts); its bits per parameter are
 * then not checked (they would be the nominal bits back).
 */
import {
  bandwidthBoundTokensPerSec,
  checkBatteryDrain,
  checkBitsPerParameter,
  checkDecodeBandwidthBound,
  checkEnergyPerToken,
  inferredSizeGB,
  nominalBitsPerWeight,
  type Finding,
} from "@/lib/plausibility";
import { fixed } from "@/lib/model/text";
import type { DatasetFinding } from "@/lib/schemas/api";

export interface RunFacts {
  decodeTokensPerSec: number | null;
  powerW: number | null;
  batteryDrainPctPer30Min: number | null;
  backend: string | null;
  memoryBandwidthGBps: number | null;
  batteryWh: number | null;
  sizeGB: number | null;
  paramsB: number | null;
  activeParamsB: number | null;
  architecture: "dense" | "moe" | null;
  /** The variant's quantization label ("INT4", "Q4_K_M"): infers a size the source does not give. */
  quantization?: string | null;
}

export type RunFinding = Finding | { check: string; ok: null; reason: string };

export interface RunFindings {
  /** The decode bound in tokens/s, when bandwidth and size are known. */
  boundTokensPerSec: number | null;
  /** The size the checks used when the variant has none: parameters × nominal bits (estimated). */
  inferredSizeGB: number | null;
  findings: RunFinding[];
}

/** The variant's size, or the one its parameters and nominal bits give, with how it was found. */
function sizeOf(f: RunFacts): { sizeGB: number | null; inferred: string | null } {
  if (f.sizeGB !== null) return { sizeGB: f.sizeGB, inferred: null };
  const bits = f.quantization ? nominalBitsPerWeight(f.quantization) : null;
  if (bits === null || f.paramsB === null) return { sizeGB: null, inferred: null };
  const size = inferredSizeGB(f.paramsB, bits);
  return { sizeGB: size, inferred: `file size estimated: ${fixed(f.paramsB, 2)}B parameters × ${bits} bits ÷ 8 = ${fixed(size, 2)} GB, the smallest such a file can be` };
}

function notChecked(check: string, missing: string[]): RunFinding {
  return { check, ok: null, reason: `not checked: ${missing.join(" and ")} unknown` };
}

export function findingsOfRun(f: RunFacts): RunFindings {
  const findings: RunFinding[] = [];
  const { sizeGB, inferred } = sizeOf(f);
  const model = { sizeGB: sizeGB ?? 0, paramsB: f.paramsB, activeParamsB: f.activeParamsB, architecture: f.architecture };
  const bound =
    f.memoryBandwidthGBps !== null && sizeGB !== null && sizeGB > 0
      ? bandwidthBoundTokensPerSec(f.memoryBandwidthGBps, model)
      : null;

  if (f.decodeTokensPerSec !== null) {
    if (f.memoryBandwidthGBps !== null && sizeGB !== null && sizeGB > 0) {
      const check = checkDecodeBandwidthBound({ ...model, decodeTokensPerSec: f.decodeTokensPerSec, memoryBandwidthGBps: f.memoryBandwidthGBps });
      findings.push(inferred ? { ...check, reason: `${check.reason} (${inferred})` } : check);
    } else {
      findings.push(
        notChecked("bandwidth-bound", [
          ...(f.memoryBandwidthGBps === null ? ["the device's memory bandwidth"] : []),
          ...(sizeGB === null ? ["the model's file size"] : []),
        ]),
      );
    }
  }

  if (f.sizeGB !== null && f.paramsB !== null) findings.push(checkBitsPerParameter({ sizeGB: f.sizeGB, paramsB: f.paramsB }));

  if (f.powerW !== null && f.decodeTokensPerSec !== null) {
    findings.push(
      checkEnergyPerToken({
        powerW: f.powerW,
        decodeTokensPerSec: f.decodeTokensPerSec,
        paramsB: f.paramsB,
        architecture: f.architecture,
        processor: f.backend,
      }),
    );
  }

  if (f.batteryDrainPctPer30Min !== null) {
    findings.push(
      f.batteryWh !== null
        ? checkBatteryDrain({ drainPctPer30Min: f.batteryDrainPctPer30Min, batteryWh: f.batteryWh })
        : notChecked("battery-drain", ["the device's battery capacity"]),
    );
  }

  return { boundTokensPerSec: bound, inferredSizeGB: inferred ? sizeGB : null, findings };
}

/** The failing findings about one model, as a run of it shows them. */
export function modelFindingsOf(dataset: readonly DatasetFinding[], modelId: string): RunFinding[] {
  return dataset.filter((f) => !f.ok && f.modelIds.includes(modelId)).map((f) => ({ check: f.check, ok: f.ok, reason: f.reason }));
}

/** The failing findings about each model the dataset's findings name. */
export function modelFindingsById(dataset: readonly DatasetFinding[]): Map<string, RunFinding[]> {
  const byModel = new Map<string, RunFinding[]>();
  for (const id of new Set(dataset.flatMap((f) => f.modelIds))) byModel.set(id, modelFindingsOf(dataset, id));
  return byModel;
}

/** A run's own findings, then the failing findings about its model. */
export function runFindingsWithModel(facts: RunFacts, modelId: string, byModel: ReadonlyMap<string, RunFinding[]>): RunFinding[] {
  return [...findingsOfRun(facts).findings, ...(byModel.get(modelId) ?? [])];
}
