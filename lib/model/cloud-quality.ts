/**
 * The cloud side of the quality constraint. The edge serves a tier only when
 * its score meets the tier's minimum (cells.ts); the cloud takes whatever the
 * edge cannot, so its score does not route anything, but a plan must say when
 * the cloud model is below a tier's minimum on the scenario's metric, or has no
 * score on it, instead of assuming that it passes.
 */
import type { Figure } from "./figure";

export interface CloudQualityTier {
  id: string;
  minQuality: number;
}

/** One warning per kind: the cloud model's score is unknown, or below some tiers' minimum. */
export function cloudQualityWarnings(
  priceName: string,
  cloudQuality: Figure | null,
  metric: string,
  tiers: readonly CloudQualityTier[],
): string[] {
  const demanding = tiers.filter((t) => t.minQuality > 0);
  if (demanding.length === 0) return [];
  if (cloudQuality === null) {
    return [
      `${priceName} has no ${metric} score: whether the cloud meets the minimum quality of ${demanding
        .map((t) => t.id)
        .join(", ")} is not known.`,
    ];
  }
  const below = demanding.filter((t) => cloudQuality.value < t.minQuality);
  if (below.length === 0) return [];
  return [
    `${priceName} scores ${cloudQuality.value} on ${metric}, below the minimum of ${below
      .map((t) => `${t.id} (${t.minQuality})`)
      .join(", ")}: those requests are served below the quality asked for.`,
  ];
}
