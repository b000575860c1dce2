/**
 * The planner ships the catalogue (devices, variants, prices, the learned speed model)
 * and the runs of the variants it starts with; the runs of another variant come when
 * it is chosen. A plan reads only the runs of its own variant (lib/model/resolve.ts),
 * so {catalogue + that variant's runs} plans exactly as the whole dataset does.
 */
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import type { Scenario } from "@/lib/schemas/scenario";

/** The dataset variant whose runs a scenario reads; null for a custom (inline) variant, which reads none. */
export function runsVariantOf(scenario: Scenario): string | null {
  return typeof scenario.edge.variant === "string" ? scenario.edge.variant.trim() : null;
}

/** The catalogue with one variant's runs: what the engine plans a scenario of that variant with. */
export function withVariantRuns(catalogue: DatasetSnapshot, runs: readonly SnapshotRun[]): DatasetSnapshot {
  return { ...catalogue, runs: [...runs] };
}
