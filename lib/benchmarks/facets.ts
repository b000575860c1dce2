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

const facetValueOf: Record<BenchmarkFacetKey, (c: RunCombo) => { value: string; label: string } | null> = {
  device: (c) => ({ value: c.deviceId, label: c.deviceName }),
  soc: (c) => (c.soc === null ? null : { value: c.soc, label: c.soc }),
  model: (c) => ({ value: c.modelId, label: c.modelName }),
  quantization: (c) => ({ value: c.quantization, label: c.quantization }),
  runtime: (c) => ({ value: c.runtime, label: c.runtime }),
  backend: (c) => (c.backend === null ? null : { value: c.backend, label: c.backend }),
  status: (c) => ({ value: c.status, label: c.status }),
  source: (c) => ({ value: String(c.sourceId), label: c.sourceTitle }),
};

const byLabel = (a: FacetValue, b: FacetValue) =>
  a.label.localeCompare(b.label, "en", { sensitivity: "base", numeric: true }) || a.value.localeCompare(b.value);

/**
 * One pass over the combos (tens of thousands at 100k runs): a combo that passes every
 * filter counts in every facet, one that fails exactly one filter only in that filter's
 * own facet (when it has one), one that fails two in none.
 */
export function facetsOfCombos(combos: RunCombo[], filters: BenchmarkFilters): BenchmarkFacets {
  const values = new Map<BenchmarkFacetKey, Map<string, FacetValue>>(benchmarkFacetKeys.map((key) => [key, new Map()]));
  for (const combo of combos) {
    let failed: FilterField | null = null;
    let failures = 0;
    for (const field of filterFields) {
      if (passes(combo, field, filters)) continue;
      failed = field;
      if (++failures > 1) break;
    }
    if (failures > 1) continue;
    for (const key of benchmarkFacetKeys) {
      if (failed !== null && failed !== key) continue;
      const v = facetValueOf[key](combo);
      if (v === null) continue;
      const facet = values.get(key)!;
      const entry = facet.get(v.value) ?? { ...v, runs: 0 };
      entry.runs += combo.runs;
      facet.set(v.value, entry);
    }
  }
  const facets = {} as BenchmarkFacets;
  for (const key of benchmarkFacetKeys) facets[key] = [...values.get(key)!.values()].sort(byLabel);
  return facets;
}
