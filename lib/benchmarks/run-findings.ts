/**
 * The plausibility checks that apply to one run, given what is known about its
 * device and model: decode against the bandwidth bound, the file's bits per
 * parameter, energy per token, and battery drain. A check whose inputs are
 * unknown is listed as not checked, with what is missing.
 */
import {
  bandwidthBoundTokensPerSec,
  checkBatteryDrain,
  checkBitsPerParameter,
  checkDecodeBandwidthBound,
  checkEnergyPerToken,
  type Finding,
} from "@/lib/plausibility";

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
}

export type RunFinding = Finding | { check: string; ok: null; reason: string };

export interface RunFindings {
  /** The decode bound in tokens/s, when bandwidth and size are known. */
  boundTokensPerSec: number | null;
  findings: RunFinding[];
}

function notChecked(check: string, missing: string[]): RunFinding {
  return { check, ok: null, reason: `not checked: ${missing.join(" and ")} unknown` };
}

export function findingsOfRun(f: RunFacts): RunFindings {
  const findings: RunFinding[] = [];
  const model = { sizeGB: f.sizeGB ?? 0, paramsB: f.paramsB, activeParamsB: f.activeParamsB, architecture: f.architecture };
  const bound =
    f.memoryBandwidthGBps !== null && f.sizeGB !== null && f.sizeGB > 0
      ? bandwidthBoundTokensPerSec(f.memoryBandwidthGBps, model)
      : null;

  if (f.decodeTokensPerSec !== null) {
    if (f.memoryBandwidthGBps !== null && f.sizeGB !== null && f.sizeGB > 0) {
      findings.push(
        checkDecodeBandwidthBound({ ...model, decodeTokensPerSec: f.decodeTokensPerSec, memoryBandwidthGBps: f.memoryBandwidthGBps }),
      );
    } else {
      findings.push(
        notChecked("bandwidth-bound", [
          ...(f.memoryBandwidthGBps === null ? ["the device's memory bandwidth"] : []),
          ...(f.sizeGB === null ? ["the model's file size"] : []),
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

  return { boundTokensPerSec: bound, findings };
}
