/**
 * The plan: the response of POST /api/plan and `npm run plan`. Every field of
 * the contract's Plan shape (DESIGN.md) is here with the same name and meaning;
 * the rest are additions. Money in USD, time in ms, shares as fractions 0..1.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { BatteryStatus } from "./battery";
import type { BlockCode, StrategyName } from "./model";
import type { MonthRow } from "./monthly";
import type { PlanRanges } from "./ranges";
import type { Sensitivity } from "./sensitivity";
import type { FigureBasis, Range, SpeedBasis } from "./speed";

export type { BatteryStatus, BlockCode, MonthRow, Sensitivity, SpeedBasis, StrategyName };

export type CellTarget = "edge" | "cloud" | "unserved";

export interface CellPlan {
  tierId: string;
  /** The device class's id, or "other" for users whose phones run no edge model. */
  deviceId: string;
  target: CellTarget;
  /** Burst edge latency on the edge, cloud latency on the cloud, null when unserved. */
  latencyMs: number | null;
  /** Edge latency after the throttling onset (edge cells only). */
  sustainedLatencyMs: number | null;
  reason: string;
  /** What keeps the cell off the edge (or, for edge-only, why it is unserved); null on the edge. */
  blockedBy: BlockCode | null;
  /** Constraints an edge-only cell violates. */
  violations: ("quality" | "latency" | "battery")[];
  /** Share of all requests in this cell (share_t·share_d). */
  requestShare: number;
}

export interface StrategyBattery {
  deviceId: string;
  /** null when the battery capacity is unknown. */
  pctPerUserDay: number | null;
  status: BatteryStatus;
}

export interface StrategyPlan {
  strategy: StrategyName;
  tcoUsd: number;
  setupUsd: number;
  /** TCO ÷ Σ requests × 1000; null when the scenario has no requests. */
  costPer1kRequestsUsd: number | null;
  edgeShare: number;
  unservedShare: number;
  feasible: boolean;
  /** Why the strategy is infeasible (edge-only), empty otherwise. */
  infeasibleReasons: string[];
  breakEvenMonth: number | null;
  totalRequests: number;
  /** Device classes that download the model. */
  shippedDeviceIds: string[];
  /** Mean quality score (on the scenario's metric) of served requests; null when a score is unknown. */
  meanQuality: number | null;
  monthly: MonthRow[];
  cells: CellPlan[];
  battery: StrategyBattery[];
}

export interface MixEntry {
  tierId: string;
  deviceId: string;
  target: CellTarget;
  requestShare: number;
}

export interface Recommendation {
  strategy: StrategyName;
  tcoUsd: number;
  cloudOnlyTcoUsd: number;
  savingsUsd: number;
  savingsVsCloudOnlyPct: number;
  breakEvenMonth: number | null;
  edgeShare: number;
  mix: MixEntry[];
  /** Share of each tier's requests on the edge. */
  edgeShareByTier: Record<string, number>;
  /** Share of each device class's requests on the edge. */
  edgeShareByDevice: Record<string, number>;
  /** What keeps the most requests off the edge in the hybrid, or its fixed costs; null when nothing does. */
  bindingConstraint: BlockCode | null;
  reasons: string[];
  warnings: string[];
}

export interface BatteryEntry {
  deviceId: string;
  /** Every tier of the class on the edge (what running the feature on the phone costs); null: unknown. */
  pctPerUserDay: number | null;
  status: BatteryStatus;
  /** The same under the hybrid's routing. */
  hybridPctPerUserDay: number | null;
  note: string | null;
}

export interface DeviceTierFigures {
  tierId: string;
  /** First-token time at this tier's input tokens (null when the class cannot run the model). */
  ttftMs: number | null;
  burstLatencyMs: number | null;
  sustainedLatencyMs: number | null;
  energyJ: number | null;
  cloudLatencyMs: number;
}

export interface DeviceClassPlan {
  deviceId: string;
  name: string;
  share: number;
  capable: boolean;
  /** Capable, speed known and model size known: the edge can serve this class. */
  plannable: boolean;
  reason: string | null;
  usableMemoryMB: number | null;
  peakMemoryMB: number | null;
  speedBasis: SpeedBasis;
  /** Backend the figures are for: the run's, the scenario's, or the device's best measured one. */
  backend: string | null;
  decodeTokensPerSec: number | null;
  /** Status of the speed figure used: a run's status, or "estimated". */
  speedStatus: DataStatus | null;
  /** run | scenario (its efficiency) | device (its runs of other models) | prior (learned) | default. */
  decodeBasis: FigureBasis | null;
  /** Low–high of an estimated decode speed, from the audit's residuals; null for a run's figure. */
  decodeRange: Range | null;
  sustainedDecodeTokensPerSec: number | null;
  /** Prefill tokens/s the first-token times follow from (null when a run's ttftMs is taken as given). */
  prefillTokensPerSec: number | null;
  prefillStatus: DataStatus | null;
  prefillBasis: FigureBasis | null;
  prefillRange: Range | null;
  /** Request-weighted mean first-token time over the tiers (each tier's own is in `tiers`). */
  ttftMs: number | null;
  ttftStatus: DataStatus | null;
  powerW: number | null;
  powerStatus: DataStatus | null;
  powerBasis: FigureBasis | null;
  powerRange: Range | null;
  /** powerW ÷ decode tokens/s: joules per generated token. */
  energyPerTokenJ: number | null;
  throttlePct: number;
  throttleAfterMin: number | null;
  /** memoryBandwidthGBps ÷ bytes read per token, when both are known. */
  bandwidthBoundTokensPerSec: number | null;
  batteryPctPerUserDay: number | null;
  batteryStatus: BatteryStatus;
  tiers: DeviceTierFigures[];
}

export interface TierPlan {
  tierId: string;
  share: number;
  /** At month-1 prices. */
  cloudUsdPerRequest: number;
  cloudLatencyMs: number;
}

export interface InputValue {
  value: number | string | null;
  unit: string;
  source: string;
  status: DataStatus;
  note?: string;
}

export interface Plan {
  version: 1;
  scenarioName: string;
  horizonMonths: number;
  qualityMetric: string;
  strategies: Record<StrategyName, StrategyPlan>;
  recommendation: Recommendation;
  battery: BatteryEntry[];
  devices: DeviceClassPlan[];
  tiers: TierPlan[];
  sensitivity: Sensitivity;
  /**
   * Low and high of edge latency, battery, each strategy's TCO and savings with the
   * edge estimates at the ends of their ranges, and whether the recommendation holds;
   * null when every figure used comes from a run.
   */
  ranges: PlanRanges | null;
  /** Every value the plan used, keyed by path, with its source and status. */
  inputs: Record<string, InputValue>;
}
