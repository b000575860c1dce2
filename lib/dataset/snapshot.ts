/**
 * The dataset values a plan reads, as plain data: what the database loader
 * hands the engine, what a share link stores, and what tests build by hand.
 * Nothing here touches the database.
 */
import type { LearnedSpeedModel } from "@/lib/model/learned-speed";
import type { DataStatus, DeviceKind } from "@/lib/schemas/benchmark-file";

/** Where one value came from: its status and a human-readable source. */
export interface Provenance {
  status: DataStatus;
  /** e.g. "Seed 001 (MiMo-8B vs Phi-4 on phones)" or "PocketPal matrix samsung-s23". */
  source: string;
  sourceId?: number;
}

export interface SnapshotDevice {
  id: string;
  name: string;
  soc: string | null;
  kind: DeviceKind;
  ramGB: number | null;
  memoryBandwidthGBps: number | null;
  /** null: unknown or no battery (see provenance). */
  batteryWh: number | null;
  provenance: {
    ramGB?: Provenance;
    memoryBandwidthGBps?: Provenance;
    batteryWh?: Provenance;
  };
  /**
   * Share of the bandwidth bound each runtime reaches on this device in its
   * measured runs (median over variants): a calibrated bandwidthEfficiency the
   * planner can offer the user. Informational: the engine's own estimates use
   * `speedModel` (by runtime, backend, quantization and device).
   */
  calibrations?: { runtime: string; efficiency: number; variants: number }[];
}

export interface SnapshotQuality {
  score: number;
  provenance: Provenance;
}

export interface SnapshotVariant {
  id: string;
  modelId: string;
  /** e.g. "Qwen3 1.7B Q4_K_M". */
  name: string;
  quantization: string;
  sizeGB: number | null;
  paramsB: number | null;
  /** Parameters read per token (mixture-of-experts); null means all of paramsB. */
  activeParamsB: number | null;
  architecture: "dense" | "moe" | null;
  /** Quality by metric ("mmlu", "humaneval", "gsm8k" …), variant-level scores first. */
  quality: Record<string, SnapshotQuality>;
  provenance: { sizeGB?: Provenance };
}

export interface SnapshotRun {
  id: number;
  deviceId: string;
  variantId: string;
  runtime: string;
  backend: string | null;
  status: DataStatus;
  provenance: Provenance;
  decodeTokensPerSec: number | null;
  prefillTokensPerSec: number | null;
  ttftMs: number | null;
  promptTokens: number | null;
  /** Tokens already in the context when measured; null: an empty context. */
  contextDepthTokens?: number | null;
  peakMemoryMB: number | null;
  weightsMB: number | null;
  powerW: number | null;
  batteryDrainPctPer30Min: number | null;
  throttlePct: number | null;
  throttleAfterMin: number | null;
  coldStartSec: number | null;
  /** ISO date or date-time; null when the source gives none. */
  measuredAt: string | null;
}

export interface SnapshotPrice {
  /** `${provider}/${modelKey}`: names the model at a provider; the row is its current price. */
  id: string;
  provider: string;
  modelKey: string;
  name: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  /** Batch API prices, when the provider has a batch API. */
  batchInputUsdPerMTok?: number | null;
  batchOutputUsdPerMTok?: number | null;
  /** Long-context tiers: the whole request at these prices once its prompt passes aboveInputTokens. */
  longContext?: { aboveInputTokens: number; inputUsdPerMTok: number; outputUsdPerMTok?: number; cachedInputUsdPerMTok?: number }[];
  /** Where the batch and long-context prices come from when it is not the price's own source. */
  tiersSource?: string | null;
  ttftMs: number | null;
  tokensPerSec: number | null;
  quality: Record<string, number>;
  effectiveDate: string;
  provenance: Provenance;
  /** Figures a source other than the price row gave (a cloud fact); absent: the row's own provenance. */
  figureProvenance?: {
    ttftMs?: Provenance;
    tokensPerSec?: Provenance;
    quality?: Record<string, Provenance>;
  };
}

export interface DatasetSnapshot {
  devices: SnapshotDevice[];
  variants: SnapshotVariant[];
  runs: SnapshotRun[];
  prices: SnapshotPrice[];
  /**
   * What the measured runs of the whole dataset teach about speed (learnSpeedModel),
   * learned once per data version by the loader. Absent: the engine learns it from
   * the runs of this snapshot.
   */
  speedModel?: LearnedSpeedModel;
}
