/**
 * POST /api/plan: a scenario in, its plan out, on the data it names. The request's
 * abort signal is checked between the steps: a client that has gone gets no plan.
 */
import type { Database } from "@/db/client";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import type { Plan } from "@/lib/model";
import { planRequest } from "@/lib/planning/plan-request";

export async function planScenarioBody(db: Database, body: unknown, signal?: AbortSignal): Promise<Plan> {
  signal?.throwIfAborted();
  const { plan } = await planRequest(body, async (params) => {
    const snapshot = await loadCachedSnapshot(db, params);
    signal?.throwIfAborted();
    return snapshot;
  });
  return plan;
}
