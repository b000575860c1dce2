/**
 * Can a device class hold the edge model at all?
 *
 *   capable ⇔ ramGB·1000·usableRamFraction ≥ peakMemoryMB
 *
 * The variant's peak memory is the inline figure, else the largest memory figure
 * of its runs (peak or weights, whichever is larger, since a GPU run's app memory
 * can sit below its weights), preferring measured runs; else an estimate from the
 * file size and the quantization (seed 003: ≈1.2× the file at 4-bit, 1.5× at
 * 8-bit, 2× at 16-bit).
 */
import { estimated, figure, type Figure } from "./figure";
import type { ResolvedVariant } from "./resolve";
import type { RunCandidate } from "./run-choice";
import { whole } from "./text";

export function runtimeMemoryFactor(quantization: string | null): number {
  const q = (quantization ?? "").toLowerCase();
  if (/(^|[^a-z])(f16|fp16|bf16)/.test(q)) return 2;
  if (/(q8|int8|fp8)/.test(q)) return 1.5;
  return 1.2;
}

export function variantPeakMemoryMB(variant: ResolvedVariant, variantRuns: readonly RunCandidate[]): Figure | null {
  if (variant.inlinePeakMemoryMB) return variant.inlinePeakMemoryMB;

  for (const status of ["measured", "claimed", "estimated"] as const) {
    let best: RunCandidate | null = null;
    let bestMB = 0;
    for (const run of variantRuns) {
      if (run.status !== status) continue;
      const mb = Math.max(run.peakMemoryMB ?? 0, run.weightsMB ?? 0);
      if (mb > bestMB) {
        best = run;
        bestMB = mb;
      }
    }
    if (best) return figure(bestMB, best.status, best.source, `largest ${status} memory figure among the variant's runs`);
  }

  if (variant.sizeGB) {
    const factor = runtimeMemoryFactor(variant.quantization);
    return estimated(
      variant.sizeGB.value * 1000 * factor,
      `no memory figure: ${factor}× the ${variant.sizeGB.value} GB file (seed 003's rule of thumb)`,
    );
  }
  return null;
}

export interface CapabilityResult {
  capable: boolean;
  usableMemoryMB: number | null;
  reason: string | null;
}

export function capability(
  ramGB: number | null,
  usableRamFraction: number,
  peakMemoryMB: number | null,
): CapabilityResult {
  if (ramGB === null) return { capable: false, usableMemoryMB: null, reason: "RAM unknown" };
  const usableMemoryMB = ramGB * 1000 * usableRamFraction;
  if (peakMemoryMB === null) return { capable: false, usableMemoryMB, reason: "the model's memory need is unknown" };
  if (usableMemoryMB >= peakMemoryMB) return { capable: true, usableMemoryMB, reason: null };
  return {
    capable: false,
    usableMemoryMB,
    reason: `needs ${whole(peakMemoryMB)} MB, ${whole(usableMemoryMB)} MB usable (${ramGB} GB × ${usableRamFraction})`,
  };
}

