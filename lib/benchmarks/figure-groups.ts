/**
 * The charts' figure groups of a filter (lib/charts/best-figures.ts) from the run
 * combinations, which carry the best figures of their runs: every filter field is a field
 * of a combination, so the runs a filter selects are whole combinations, and their groups
 * by device, variant and status are the combinations' rolled up. The combinations are kept
 * in memory and carried across writes (db/queries/benchmark-facets.ts), so a filter's groups
 * after a write are one walk over them instead of an aggregate over every selected run.
 */
import type { FigureGroup } from "@/lib/charts/best-figures";
import type { BenchmarkFilters } from "@/lib/schemas/api";
import { comboPassesFilters, type ComboFigures, type RunCombo } from "./facets";

/** The higher of two figures, either possibly unknown (as SQL's max, which passes over NULL). */
export function higher(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** The lower of two figures, either possibly unknown (as SQL's min). */
export function lower(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/** Two counts of one combination's figures as one: what the runs of both count. */
export function mergeFigures(a: ComboFigures | null, b: ComboFigures | null): ComboFigures | null {
  if (a === null || b === null) return null;
  return {
    runs: a.runs + b.runs,
    maxDecodeTokensPerSec: higher(a.maxDecodeTokensPerSec, b.maxDecodeTokensPerSec),
    maxPrefillTokensPerSec: higher(a.maxPrefillTokensPerSec, b.maxPrefillTokensPerSec),
    minTtftMs: lower(a.minTtftMs, b.minTtftMs),
  };
}

/**
 * The figure groups of the runs `filters` selects, as the database's aggregate gives them
 * (db/queries/benchmark-charts.ts, queryFigureGroups): one per device, variant and status
 * with a run that has a figure. Null when a combination's figures were not counted.
 */
export function figureGroupsOfCombos(combos: readonly RunCombo[], filters: BenchmarkFilters): FigureGroup[] | null {
  const groups = new Map<string, FigureGroup>();
  for (const combo of combos) {
    const figures = combo.figures;
    if (figures === null) return null;
    if (figures.runs === 0 || !comboPassesFilters(combo, filters)) continue;
    const key = `${combo.deviceId}\u0000${combo.variantId}\u0000${combo.status}`;
    const group = groups.get(key);
    if (group) {
      group.runs += figures.runs;
      group.maxDecodeTokensPerSec = higher(group.maxDecodeTokensPerSec, figures.maxDecodeTokensPerSec);
      group.maxPrefillTokensPerSec = higher(group.maxPrefillTokensPerSec, figures.maxPrefillTokensPerSec);
      group.minTtftMs = lower(group.minTtftMs, figures.minTtftMs);
    } else {
      groups.set(key, {
        deviceId: combo.deviceId,
        deviceName: combo.deviceName,
        modelId: combo.modelId,
        modelName: combo.modelName,
        status: combo.status,
        runs: figures.runs,
        maxDecodeTokensPerSec: figures.maxDecodeTokensPerSec,
        maxPrefillTokensPerSec: figures.maxPrefillTokensPerSec,
        minTtftMs: figures.minTtftMs,
      });
    }
  }
  return [...groups.values()];
}
