/**
 * How far the planner's edge estimates fall from measured runs. Every measured run
 * with a decode figure is planned twice, each time with what it measured hidden:
 *
 * - "device": the run's dataset device and variant, with the runs of its own
 *   (device, model) removed from the plan's data and from what the estimator learns
 *   (the device's runs of other models still teach);
 * - "unseen": an inline device (bandwidth only) and an inline variant (size,
 *   parameters, quantization), learned without any run of that device.
 *
 * Ratios are estimate ÷ measured, for decode tokens/s and for the first-token time
 * at the run's own prompt length (measured: its ttftMs, else prompt ÷ prefill).
 */
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import { scenarioSchema, type ScenarioInput } from "@/lib/schemas/scenario";
import { learnSpeedModel, quantile } from "./learned-speed";
import { planScenario } from "./plan";

export type AuditMode = "device" | "unseen";

export interface AuditRow {
  runId: number;
  mode: AuditMode;
  deviceId: string;
  runtime: string;
  backend: string;
  quantization: string;
  decodeRatio: number | null;
  ttftRatio: number | null;
}

export interface RatioSummary {
  runs: number;
  median: number | null;
  p10: number | null;
  p90: number | null;
  /** Share of runs with 0.5 ≤ ratio ≤ 2. */
  within2x: number | null;
}

export interface AuditGroup {
  by: "all" | "device" | "runtime" | "backend" | "quantization";
  key: string;
  decode: RatioSummary;
  ttft: RatioSummary;
}

export function summarise(ratios: readonly number[]): RatioSummary {
  if (ratios.length === 0) return { runs: 0, median: null, p10: null, p90: null, within2x: null };
  const sorted = [...ratios].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    within2x: sorted.filter((r) => r >= 0.5 && r <= 2).length / sorted.length,
  };
}

function measuredTtftMs(run: SnapshotRun): { ms: number; promptTokens: number } | null {
  if (!run.promptTokens || run.promptTokens <= 0) return null;
  if (run.ttftMs !== null && run.ttftMs > 0) return { ms: run.ttftMs, promptTokens: run.promptTokens };
  if (run.prefillTokensPerSec && run.prefillTokensPerSec > 0) {
    return { ms: (1000 * run.promptTokens) / run.prefillTokensPerSec, promptTokens: run.promptTokens };
  }
  return null;
}

const PRICE = { name: "audit price", inputUsdPerMTok: 1, outputUsdPerMTok: 1 };

export function auditEstimates(data: DatasetSnapshot, modes: readonly AuditMode[] = ["device", "unseen"]): AuditRow[] {
  const deviceById = new Map(data.devices.map((d) => [d.id, d]));
  const variantById = new Map(data.variants.map((v) => [v.id, v]));
  const measured = data.runs.filter(
    (r) =>
      r.status === "measured" && r.decodeTokensPerSec !== null && r.decodeTokensPerSec > 0 && !(r.contextDepthTokens ?? 0),
  );
  const rows: AuditRow[] = [];
  const learnedWithout = new Map<string, ReturnType<typeof learnSpeedModel>>();
  const learn = (key: string, keep: (r: SnapshotRun) => boolean) => {
    let model = learnedWithout.get(key);
    if (!model) {
      model = learnSpeedModel(data.runs.filter(keep), data.devices, data.variants, { residuals: false });
      learnedWithout.set(key, model);
    }
    return model;
  };

  for (const run of measured) {
    const device = deviceById.get(run.deviceId);
    const variant = variantById.get(run.variantId);
    if (!device || !variant || device.memoryBandwidthGBps === null || variant.sizeGB === null) continue;
    const modelOf = (r: SnapshotRun) => variantById.get(r.variantId)?.modelId;
    const ttft = measuredTtftMs(run);
    const tier = { id: "audit", share: 1, inputTokens: ttft?.promptTokens ?? 0, outputTokens: 0 };
    // All memory usable: the audit asks how fast, not whether the model fits.
    const base = { version: 1 as const, tiers: [tier], cloud: { price: PRICE }, constraints: { usableRamFraction: 1 } };
    for (const mode of modes) {
      let input: ScenarioInput;
      let snapshot: DatasetSnapshot;
      if (mode === "device") {
        const hidden = (r: SnapshotRun) => r.deviceId === run.deviceId && modelOf(r) === variant.modelId;
        const runs = data.runs.filter((r) => !hidden(r));
        snapshot = { ...data, runs, speedModel: learn(`d:${run.deviceId}:${variant.modelId}`, (r) => !hidden(r)) };
        input = {
          ...base,
          devices: [{ device: device.id, share: 1 }],
          edge: { variant: variant.id, runtime: run.runtime, ...(run.backend ? { backend: run.backend } : {}) },
        };
      } else {
        snapshot = {
          ...data,
          runs: [],
          speedModel: learn(`u:${run.deviceId}`, (r) => r.deviceId !== run.deviceId),
        };
        input = {
          ...base,
          devices: [
            {
              device: { name: device.name, ramGB: 1024, memoryBandwidthGBps: device.memoryBandwidthGBps, batteryWh: null },
              share: 1,
            },
          ],
          edge: {
            variant: {
              name: variant.name,
              sizeGB: variant.sizeGB,
              peakMemoryMB: 1,
              quantization: variant.quantization,
              ...(variant.paramsB ? { paramsB: variant.paramsB } : {}),
              ...(variant.activeParamsB ? { activeParamsB: variant.activeParamsB } : {}),
            },
            runtime: run.runtime,
            ...(run.backend ? { backend: run.backend } : {}),
          },
        };
      }
      const plan = planScenario(scenarioSchema.parse(input), snapshot, { tornado: false });
      const d = plan.devices[0]!;
      const estTtft = d.tiers[0]?.ttftMs ?? null;
      rows.push({
        runId: run.id,
        mode,
        deviceId: run.deviceId,
        runtime: run.runtime,
        backend: run.backend ?? "?",
        quantization: variant.quantization,
        decodeRatio: d.decodeTokensPerSec === null ? null : d.decodeTokensPerSec / run.decodeTokensPerSec!,
        ttftRatio: estTtft === null || ttft === null ? null : estTtft / ttft.ms,
      });
    }
  }
  return rows;
}

export function auditGroups(rows: readonly AuditRow[]): AuditGroup[] {
  const groups: AuditGroup[] = [];
  const add = (by: AuditGroup["by"], key: string, members: readonly AuditRow[]) => {
    groups.push({
      by,
      key,
      decode: summarise(members.flatMap((r) => (r.decodeRatio === null ? [] : [r.decodeRatio]))),
      ttft: summarise(members.flatMap((r) => (r.ttftRatio === null ? [] : [r.ttftRatio]))),
    });
  };
  add("all", "all", rows);
  for (const by of ["device", "runtime", "backend", "quantization"] as const) {
    const field = by === "device" ? "deviceId" : by;
    const keys = [...new Set(rows.map((r) => r[field]))].sort();
    for (const key of keys) add(by, key, rows.filter((r) => r[field] === key));
  }
  return groups;
}
