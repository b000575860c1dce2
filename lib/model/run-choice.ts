/**
 * Which benchmark run of (device, variant) a plan uses when the dataset holds
 * several: the order below is the planner's preference, documented in README.md.
 */
import type { DataStatus } from "@/lib/schemas/benchmark-file";

/** A run as the engine reads it: from `edge.runs` (inline) or the dataset. */
export interface RunCandidate {
  origin: "inline" | "dataset";
  /** The device class key for inline runs, the dataset device id otherwise. */
  deviceKey: string;
  runtime: string;
  /** "cpu", "gpu", "opencl", "hexagon" …; null when unknown. */
  backend: string | null;
  status: DataStatus;
  source: string;
  decodeTokensPerSec: number | null;
  prefillTokensPerSec: number | null;
  promptTokens: number | null;
  ttftMs: number | null;
  powerW: number | null;
  batteryDrainPctPer30Min: number | null;
  throttlePct: number | null;
  throttleAfterMin: number | null;
  peakMemoryMB: number | null;
  weightsMB: number | null;
  measuredAt: string | null;
  /** Tokens already in the context when measured; 0 for an empty context. */
  contextDepthTokens: number;
  /** Battery of the device the run was on, so its drain can be turned into watts. */
  deviceBatteryWh: number | null;
}

const statusRank: Record<DataStatus, number> = { measured: 0, claimed: 1, estimated: 2 };

export function sameRuntime(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Preference order: inline runs first (the contract gives them precedence), then
 * runs on the scenario's runtime, then on its backend (when it names one), measured
 * before claimed before estimated, the shallowest context depth. Without a backend, runs on different backends
 * compare by decode speed (the device's best backend); otherwise the most recent
 * wins, and on a tie the fastest decode.
 */
export function compareRuns(runtime: string, backend: string | null = null) {
  const wanted = backend === null ? null : backend.trim().toLowerCase();
  return (a: RunCandidate, b: RunCandidate): number => {
    if (a.origin !== b.origin) return a.origin === "inline" ? -1 : 1;
    const aMatch = sameRuntime(a.runtime, runtime);
    if (aMatch !== sameRuntime(b.runtime, runtime)) return aMatch ? -1 : 1;
    if (wanted !== null) {
      const aBackend = (a.backend ?? "").trim().toLowerCase() === wanted;
      if (aBackend !== ((b.backend ?? "").trim().toLowerCase() === wanted)) return aBackend ? -1 : 1;
    }
    if (a.status !== b.status) return statusRank[a.status] - statusRank[b.status];
    // A run measured deep into a long context is slower than one on an empty context: it is not the same figure.
    if (a.contextDepthTokens !== b.contextDepthTokens) return a.contextDepthTokens - b.contextDepthTokens;
    const differentBackends = (a.backend ?? "").toLowerCase() !== (b.backend ?? "").toLowerCase();
    if (wanted === null && differentBackends && a.decodeTokensPerSec !== b.decodeTokensPerSec) {
      return (b.decodeTokensPerSec ?? -1) - (a.decodeTokensPerSec ?? -1);
    }
    if (a.measuredAt !== b.measuredAt) {
      if (a.measuredAt === null) return 1;
      if (b.measuredAt === null) return -1;
      // ISO dates and date-times order correctly as strings.
      return a.measuredAt < b.measuredAt ? 1 : -1;
    }
    return (b.decodeTokensPerSec ?? -1) - (a.decodeTokensPerSec ?? -1);
  };
}

/** A sorted copy; the input order decides among runs that compare equal. */
export function rankRuns(runs: readonly RunCandidate[], runtime: string, backend: string | null = null): RunCandidate[] {
  return [...runs].sort(compareRuns(runtime, backend));
}
