/**
 * A number the plan uses, with where it came from: the dataset's provenance,
 * the scenario, or the planner's own estimate. Everything the engine derives
 * from data carries one, so the page can mark estimated figures wherever used.
 */
import type { Provenance } from "@/lib/dataset/snapshot";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

export interface Figure {
  value: number;
  status: DataStatus;
  source: string;
  /** How an estimate was made, or why a fallback was taken. */
  note?: string;
}

export const SCENARIO_SOURCE = "scenario";
export const INLINE_SOURCE = "scenario (inline)";
export const PLANNER_SOURCE = "planner estimate";

export function figure(value: number, status: DataStatus, source: string, note?: string): Figure {
  return note === undefined ? { value, status, source } : { value, status, source, note };
}

export function estimated(value: number, note: string): Figure {
  return { value, status: "estimated", source: PLANNER_SOURCE, note };
}

/** A dataset value with its provenance; a value without one is the dataset's claim. */
export function fromProvenance(value: number, provenance: Provenance | undefined, fallbackSource: string): Figure {
  return provenance
    ? { value, status: provenance.status, source: provenance.source }
    : { value, status: "claimed", source: fallbackSource };
}

/** The weakest of several statuses: a figure computed from an estimate is an estimate. */
export function weakestStatus(...statuses: DataStatus[]): DataStatus {
  if (statuses.includes("estimated")) return "estimated";
  if (statuses.includes("claimed")) return "claimed";
  return "measured";
}
