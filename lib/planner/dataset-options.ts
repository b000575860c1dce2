/**
 * What the editor's pickers offer from the dataset: devices, model variants
 * grouped by model, cloud prices grouped by provider, the runtimes the chosen
 * variant has runs on, and the quality metrics anything is scored on.
 */
import type { DatasetSnapshot, SnapshotDevice, SnapshotPrice, SnapshotVariant } from "@/lib/dataset/snapshot";
import { countRuns, type RunCounts } from "./run-counts";

export interface OptionGroup<T> {
  label: string;
  options: T[];
}

export interface VariantOption {
  variant: SnapshotVariant;
  runCount: number;
  /** What tells this variant from another of the same name (its id); null when its name is unique. */
  detail: string | null;
}

export function deviceOptions(data: DatasetSnapshot): SnapshotDevice[] {
  return [...data.devices].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Variants by model name; in each model the variants with runs first (most runs
 * first), then by quantization, so people pick ones with data. Two variants of
 * one name (the same quantization from two sources) are told apart by `detail`.
 * `counts` are the dataset's run counts when `data` carries only some of its runs.
 */
export function variantGroups(data: DatasetSnapshot, counts: RunCounts = countRuns(data.runs)): OptionGroup<VariantOption>[] {
  const runCount = new Map(Object.entries(counts.byVariant));
  const groups = new Map<string, VariantOption[]>();
  for (const variant of data.variants) {
    const model = variant.name.slice(0, variant.name.length - variant.quantization.length).trim() || variant.modelId;
    const list = groups.get(model) ?? [];
    list.push({ variant, runCount: runCount.get(variant.id) ?? 0, detail: null });
    groups.set(model, list);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, options]) => {
      const named = new Map<string, number>();
      for (const o of options) named.set(o.variant.name, (named.get(o.variant.name) ?? 0) + 1);
      return {
        label: `${label} (${options.reduce((s, o) => s + o.runCount, 0)} runs)`,
        options: options
          .map((o) => ({ ...o, detail: (named.get(o.variant.name) ?? 0) > 1 ? o.variant.id : null }))
          .sort(
            (a, b) =>
              Number(b.runCount > 0) - Number(a.runCount > 0) ||
              b.runCount - a.runCount ||
              a.variant.quantization.localeCompare(b.variant.quantization),
          ),
      };
    });
}

export function priceGroups(data: DatasetSnapshot): OptionGroup<SnapshotPrice>[] {
  const groups = new Map<string, SnapshotPrice[]>();
  for (const price of data.prices) groups.set(price.provider, [...(groups.get(price.provider) ?? []), price]);
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, options]) => ({ label, options: options.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/**
 * Runtimes with runs of this variant (`data` carries them), most runs first; every
 * runtime in the dataset (`counts`) when it has none.
 */
export function runtimeOptions(
  data: DatasetSnapshot,
  variantId: string | null,
  counts: RunCounts = countRuns(data.runs),
): string[] {
  const own = new Map<string, number>();
  if (variantId !== null) {
    for (const run of data.runs) if (run.variantId === variantId) own.set(run.runtime, (own.get(run.runtime) ?? 0) + 1);
  }
  const ranked = own.size > 0 ? [...own] : Object.entries(counts.byRuntime);
  return ranked.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([runtime]) => runtime);
}

export function qualityMetrics(data: DatasetSnapshot, current: string): string[] {
  const metrics = new Set<string>([current]);
  for (const variant of data.variants) for (const metric of Object.keys(variant.quality)) metrics.add(metric);
  for (const price of data.prices) for (const metric of Object.keys(price.quality)) metrics.add(metric);
  return [...metrics].filter((m) => /^[a-z0-9_-]+$/.test(m)).sort();
}
