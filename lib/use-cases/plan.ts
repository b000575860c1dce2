/**
 * POST /api/plan: a scenario in, its plan out, on the data it names. The request's
 * abort signal is checked between the steps: a client that has gone gets no plan.
 *
 * A plan is a pure function of its scenario and the data, so its JSON is kept until the
 * next write (db/queries/version-cache.ts, bounded by size): the planner's default and
 * examples, and shared scenarios, are asked for again and again.
 */
import type { Database } from "@/db/client";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { cachedBytesUntilWrite } from "@/db/queries/version-cache";
import type { Plan } from "@/lib/model";
import { parseScenario, planRequest, planWithData } from "@/lib/planning/plan-request";

export async function planScenarioBody(db: Database, body: unknown, signal?: AbortSignal): Promise<Plan> {
  signal?.throwIfAborted();
  const { plan } = await planRequest(body, async (params) => {
    const snapshot = await loadCachedSnapshot(db, params);
    signal?.throwIfAborted();
    return snapshot;
  });
  return plan;
}

/**
 * The plan of `body` as its JSON's UTF-8 bytes, answered from the cache when the same body was
 * planned on the same data. Bytes, not text: a kept plan is sent without encoding it again, and
 * the kept plans (up to 32 MB) stay out of the JavaScript heap, where the collector would copy them.
 */
export async function planScenarioJson(db: Database, body: unknown, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  signal?.throwIfAborted();
  // The body's JSON is the key: the same body parses to the same scenario, so a repeated one skips
  // the schema too. An invalid body throws its located 422 from the load, which is not kept.
  const json = await cachedBytesUntilWrite(db, `plan:${JSON.stringify(body)}`, async (version) => {
    const scenario = parseScenario(body);
    const variantIds = typeof scenario.edge.variant === "string" ? [scenario.edge.variant.trim()] : [];
    // The version the cache has just read: the snapshot's cache does not read it again.
    return Buffer.from(JSON.stringify(planWithData(scenario, await loadCachedSnapshot(db, { variantIds }, version))));
  });
  // Shared by whoever asks meanwhile: a client that has gone stops waiting, not the planning.
  signal?.throwIfAborted();
  return json;
}
