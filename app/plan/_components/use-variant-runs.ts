"use client";

/**
 * The runs of each variant the planner has needed, one request per variant
 * (`GET /api/variants/{id}/runs`), kept for the page's life: the data of one page
 * load does not change under it. Each entry is the catalogue with that variant's
 * runs, one object per variant, so the engine's per-snapshot index is built once.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import { withVariantRuns } from "@/lib/planner/variant-runs";

export type VariantData =
  | { status: "ready"; snapshot: DatasetSnapshot }
  | { status: "loading" }
  | { status: "failed"; message: string };

async function fetchVariantRuns(variantId: string): Promise<SnapshotRun[]> {
  let response: Response;
  try {
    response = await fetch(`/api/variants/${encodeURIComponent(variantId)}/runs`);
  } catch {
    throw new Error("the server could not be reached");
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  // The schema (zod) is loaded with the first fetch, not with the page.
  const { variantRunsResponseSchema } = await import("@/lib/schemas/variant-runs");
  const parsed = variantRunsResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error("the server's answer was not a list of runs");
  return parsed.data.runs;
}

/**
 * The snapshot to plan a scenario of `variantId` with (null: a custom variant, planned
 * on the catalogue alone), fetching its runs the first time it is asked for.
 */
export function useVariantRuns(
  catalogue: DatasetSnapshot,
  initialRuns: Record<string, SnapshotRun[]>,
  variantId: string | null,
): { data: VariantData; retry: () => void } {
  const [entries, setEntries] = useState<Record<string, VariantData>>(() =>
    Object.fromEntries(
      Object.entries(initialRuns).map(([id, runs]) => [id, { status: "ready", snapshot: withVariantRuns(catalogue, runs) }]),
    ),
  );
  // Requests in flight, so that re-renders while one runs do not send it again.
  const inFlight = useRef(new Set<string>());
  const [attempt, setAttempt] = useState(0);
  const known = variantId !== null && catalogue.variants.some((v) => v.id === variantId);
  const entry = variantId !== null && known ? entries[variantId] : undefined;

  useEffect(() => {
    if (variantId === null || !known || entry !== undefined || inFlight.current.has(variantId)) return;
    inFlight.current.add(variantId);
    // Kept when it comes even if another variant is chosen by then: it is the same data.
    fetchVariantRuns(variantId)
      .then(
        (runs): VariantData => ({ status: "ready", snapshot: withVariantRuns(catalogue, runs) }),
        (error: unknown): VariantData => ({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
      )
      .then((settled) => {
        inFlight.current.delete(variantId);
        setEntries((all) => ({ ...all, [variantId]: settled }));
      });
  }, [catalogue, variantId, known, entry, attempt]);

  const retry = useCallback(() => {
    if (variantId === null) return;
    setEntries((all) => {
      const rest = { ...all };
      delete rest[variantId];
      return rest;
    });
    setAttempt((n) => n + 1);
  }, [variantId]);

  // A custom variant, or an id the dataset lacks (the editor says so), reads no runs.
  if (variantId === null || !known) return { data: { status: "ready", snapshot: catalogue }, retry };
  return { data: entry ?? { status: "loading" }, retry };
}
