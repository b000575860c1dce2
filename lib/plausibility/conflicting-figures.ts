/**
 * One model's score on one benchmark, as several sources give it. Harnesses and
 * shot counts move a score by a few points, and a quantized variant may lose a
 * few more; sources further apart than MAX_SCORE_SPREAD_POINTS describe another
 * model, another setup or a wrong figure, and the dataset keeps each as its own claim.
 */
import { finding, num, type Finding } from "./finding";

export const MAX_SCORE_SPREAD_POINTS = 5;

export interface SourcedScore {
  score: number;
  sourceTitle: string;
  /** The name the source uses when it is not the model's (its own model id). */
  asModel?: string;
}

/** Whether the sources agree on a model's score; null when fewer than two sources give one. */
export function checkScoresAcrossSources(modelName: string, metric: string, scores: readonly SourcedScore[]): Finding | null {
  const bySource = new Map<string, SourcedScore[]>();
  for (const s of scores) bySource.set(s.sourceTitle, [...(bySource.get(s.sourceTitle) ?? []), s]);
  if (bySource.size < 2) return null;
  const values = scores.map((s) => s.score);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const spread = high - low;
  const ok = spread <= MAX_SCORE_SPREAD_POINTS;
  const parts = [...bySource].map(([title, list]) => {
    const v = list.map((s) => s.score);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const range = lo === hi ? num(lo, 1) : `${num(lo, 1)}–${num(hi, 1)}`;
    const alias = list[0]?.asModel ? `, as ${list[0].asModel}` : "";
    return `${range} (${title}${alias})`;
  });
  const label = metric.toUpperCase();
  return finding(
    "conflicting-figures",
    ok,
    ok
      ? `${modelName} ${label}: ${parts.join(", ")} agree within ${num(MAX_SCORE_SPREAD_POINTS, 0)} points`
      : `${modelName} ${label} differs by ${num(spread, 1)} points across sources: ${parts.join(", ")}; each is kept as its source's claim`,
  );
}

/** Memory figures of one model at one bit width further apart than this ratio describe different things. */
export const MAX_MEMORY_RATIO = 1.5;

export interface SourcedMemory {
  peakMemoryMB: number;
  sourceTitle: string;
  asModel?: string;
}

/**
 * Whether the sources agree on the memory one model takes at one nominal bit width (runtimes and
 * context lengths differ, so only a ratio above MAX_MEMORY_RATIO counts); null with fewer than two sources.
 */
export function checkMemoryAcrossSources(modelName: string, bits: number, figures: readonly SourcedMemory[]): Finding | null {
  const bySource = new Map<string, SourcedMemory[]>();
  for (const f of figures) bySource.set(f.sourceTitle, [...(bySource.get(f.sourceTitle) ?? []), f]);
  if (bySource.size < 2) return null;
  const values = figures.map((f) => f.peakMemoryMB);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const ratio = high / low;
  const ok = ratio <= MAX_MEMORY_RATIO;
  const parts = [...bySource].map(([title, list]) => {
    const v = list.map((f) => f.peakMemoryMB);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const range = lo === hi ? `${num(lo, 0)} MB` : `${num(lo, 0)}–${num(hi, 0)} MB`;
    const alias = list[0]?.asModel ? `, as ${list[0].asModel}` : "";
    return `${range} (${title}${alias})`;
  });
  const what = `${modelName} memory at ${bits}-bit`;
  return finding(
    "conflicting-figures",
    ok,
    ok
      ? `${what}: ${parts.join(", ")} agree within ${num(MAX_MEMORY_RATIO)}×`
      : `${what} differs ${num(ratio, 1)}× across sources: ${parts.join(", ")}; each is kept as its source's claim`,
  );
}
