/**
 * Measured decode speed against the memory-bandwidth bound (the roofline): each
 * run with a decode speed, a device bandwidth and a model size becomes a point
 * (bound, decode). The bound and the verdict come from lib/plausibility's
 * bandwidth check (bandwidth ÷ GB read per token; a MoE reads only its active
 * share). Points above the diagonal are physically impossible and carry the reason.
 */
import { checkDecodeBandwidthBound, gbReadPerToken } from "@/lib/plausibility";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import { runLabelOf, type BenchmarkChartPoint } from "./benchmark-point";
import { logTicks } from "./log-ticks";

export interface RooflinePoint {
  id: number;
  label: string;
  status: DataStatus;
  memoryBandwidthGBps: number;
  /** The file size, or its active share for a mixture-of-experts model. */
  gbReadPerToken: number;
  boundTokensPerSec: number;
  decodeTokensPerSec: number;
  /** decode ÷ bound: above 1 is impossible. */
  shareOfBound: number;
}

/** A point above the bound carries its source and the check's reason, for the list under the chart. */
export interface ImplausiblePoint extends RooflinePoint {
  sourceTitle: string;
  reason: string;
}

export interface Roofline {
  plausible: RooflinePoint[];
  /** Decode above the bound, worst first. */
  implausible: ImplausiblePoint[];
  /** The smallest and largest value on either axis. */
  minTokensPerSec: number;
  maxTokensPerSec: number;
  /** Log-axis ticks (1-2-5) spanning both axes; the first and last are the domain and the diagonal's ends. */
  ticks: number[];
  /** Runs with a decode speed whose bound is unknown (no bandwidth or no size). */
  withoutBound: number;
}

export function buildRoofline(points: BenchmarkChartPoint[]): Roofline {
  const seen = new Set<number>();
  const plausible: RooflinePoint[] = [];
  const implausible: ImplausiblePoint[] = [];
  let minTokensPerSec = Number.POSITIVE_INFINITY;
  let maxTokensPerSec = 0;
  let withoutBound = 0;
  for (const p of points) {
    if (p.decodeTokensPerSec === null || seen.has(p.id)) continue;
    seen.add(p.id);
    if (p.memoryBandwidthGBps === null || p.sizeGB === null || p.sizeGB <= 0) {
      withoutBound += 1;
      continue;
    }
    const model = { sizeGB: p.sizeGB, paramsB: p.paramsB, activeParamsB: p.activeParamsB, architecture: p.architecture };
    const perToken = gbReadPerToken(model);
    const bound = p.memoryBandwidthGBps / perToken;
    const finding = checkDecodeBandwidthBound({
      ...model,
      decodeTokensPerSec: p.decodeTokensPerSec,
      memoryBandwidthGBps: p.memoryBandwidthGBps,
    });
    const point: RooflinePoint = {
      id: p.id,
      label: runLabelOf(p),
      status: p.status,
      memoryBandwidthGBps: p.memoryBandwidthGBps,
      gbReadPerToken: perToken,
      boundTokensPerSec: bound,
      decodeTokensPerSec: p.decodeTokensPerSec,
      shareOfBound: p.decodeTokensPerSec / bound,
    };
    minTokensPerSec = Math.min(minTokensPerSec, bound, p.decodeTokensPerSec);
    maxTokensPerSec = Math.max(maxTokensPerSec, bound, p.decodeTokensPerSec);
    if (finding.ok) plausible.push(point);
    else implausible.push({ ...point, sourceTitle: p.sourceTitle, reason: finding.reason });
  }
  implausible.sort((a, b) => b.shareOfBound - a.shareOfBound || a.id - b.id);
  if (maxTokensPerSec === 0) minTokensPerSec = 0;
  return {
    plausible,
    implausible,
    minTokensPerSec,
    maxTokensPerSec,
    ticks: logTicks(minTokensPerSec, maxTokensPerSec),
    withoutBound,
  };
}
