/**
 * Filter facets from run combinations: every distinct (device, variant, runtime,
 * backend, status, source) with its run count, which the database aggregates in
 * one scan. A facet's counts apply every filter but its own, so a chosen value
 * can be switched for another.
 */
import type { BenchmarkFilters } from "@/lib/schemas/api";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export interface RunCombo {
  deviceId: string;
  deviceName: string;
  soc: string | null;
  variantId: string;
  modelId: string;
  modelName: string;
  quantization: string;
  runtime: string;
  backend: string | null;
  status: DataStatus;
  sourceId: number;
  sourceTitle: string;
  runs: number;
  /** The charts' best figures of its runs (lib/benchmarks/figure-groups.ts); null when not counted (a digest stored without them). */
  figures: ComboFigures | null;
}

/** A combination's runs with a decode, prefill or first-token figure: how many, and the best of each figure. */
export interface ComboFigures {
  runs: number;
  maxDecodeTokensPerSec: number | null;
  maxPrefillTokensPerSec: number | null;
  minTtftMs: number | null;
}

export const benchmarkFacetKeys = ["device", "soc", "model", "quantization", "runtime", "backend", "status", "source"] as const;
export type BenchmarkFacetKey = (typeof benchmarkFacetKeys)[number];

export interface FacetValue {
  /** What the filter takes (a device id, a source id as text …). */
  value: string;
  /** What a person reads. */
  label: string;
  runs: number;
}

export type BenchmarkFacets = Record<BenchmarkFacetKey, FacetValue[]>;

type FilterField = Exclude<keyof BenchmarkFilters, "uploadId">;

/** Whether a combination passes one filter field (an unset filter passes everything). */
function passes(combo: RunCombo, field: FilterField, filters: BenchmarkFilters): boolean {
  switch (field) {
    case "device":
      return filters.device === undefined || combo.deviceId === filters.device;
    case "soc":
      return filters.soc === undefined || combo.soc === filters.soc;
    case "variant":
      return filters.variant === undefined || combo.variantId === filters.variant;
    case "model":
      return filters.model === undefined || combo.modelId === filters.model;
    case "quantization":
      return filters.quantization === undefined || combo.quantization === filters.quantization;
    case "runtime":
      return filters.runtime === undefined || combo.runtime === filters.runtime;
    case "backend":
      return filters.backend === undefined || combo.backend === filters.backend;
    case "status":
      return filters.status === undefined || combo.status === filters.status;
    case "source": {
      const sourceId = filters.uploadId ?? filters.source;
      return sourceId === undefined || combo.sourceId === sourceId;
    }
  }
}

const filterFields: FilterField[] = ["device", "soc", "variant", "model", "quantization", "runtime", "backend", "status", "source"];

/** Whether a combination's runs are among those `filters` select (every field a filter sets). */
export function comboPassesFilters(combo: RunCombo, filters: BenchmarkFilters): boolean {
  for (const field of filterFields) if (!passes(combo, field, filters)) return false;
  return true;
}

/** A combo's value of each facet (null: none, such as an unknown SoC) and, read only for a value's first combo, its label. */
const facetOf: Record<BenchmarkFacetKey, { value: (c: RunCombo) => string | null; label: (c: RunCombo) => string }> = {
  device: { value: (c) => c.deviceId, label: (c) => c.deviceName },
  soc: { value: (c) => c.soc, label: (c) => c.soc ?? "" },
  model: { value: (c) => c.modelId, label: (c) => c.modelName },
  quantization: { value: (c) => c.quantization, label: (c) => c.quantization },
  runtime: { value: (c) => c.runtime, label: (c) => c.runtime },
  backend: { value: (c) => c.backend, label: (c) => c.backend ?? "" },
  status: { value: (c) => c.status, label: (c) => c.status },
  source: { value: (c) => String(c.sourceId), label: (c) => c.sourceTitle },
};

const byLabel = (a: FacetValue, b: FacetValue) =>
  a.label.localeCompare(b.label, "en", { sensitivity: "base", numeric: true }) || a.value.localeCompare(b.value);

/**
 * One pass over the combos (tens of thousands at 100k runs): a combo that passes every
 * filter counts in every facet, one that fails exactly one filter only in that filter's
 * own facet (when it has one), one that fails two in none.
 */
export function facetsOfCombos(combos: RunCombo[], filters: BenchmarkFilters): BenchmarkFacets {
  // Nothing allocated per combo and facet but a value's first entry: 33,675 combos × 8 facets at 100k runs.
  const keyed = benchmarkFacetKeys.map((key) => ({ key, ...facetOf[key], values: new Map<string, FacetValue>() }));
  for (const combo of combos) {
    let failed: FilterField | null = null;
    let failures = 0;
    for (const field of filterFields) {
      if (passes(combo, field, filters)) continue;
      failed = field;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    for (const facet of keyed) {
      if (failed !== null && failed !== facet.key) continue;
      const value = facet.value(combo);
      if (value === null) continue;
      const entry = facet.values.get(value);
      if (entry) entry.runs += combo.runs;
      else facet.values.set(value, { value, label: facet.label(combo), runs: combo.runs });
    }
  }
  const facets = {} as BenchmarkFacets;
  for (const facet of keyed) facets[facet.key] = [...facet.values.values()].sort(byLabel);
  return facets;
}
