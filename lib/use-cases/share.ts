/**
 * Share links: saving a scenario with the data values it reads (deduplicated by
 * content, bounded per client and in total), and reading one back planned with
 * the data it was saved with, beside what today's data changed.
 */
import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import {
  countSharedScenariosSince,
  findSharedScenarioIdByContentHash,
  getSharedScenarioById,
  insertSharedScenario,
} from "@/db/queries/scenarios";
import { loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { ApiError } from "@/lib/http/errors";
import { createRateLimiter, type RateLimiter } from "@/lib/http/rate-limit";
import { snapshotForScenario, type Plan } from "@/lib/model";
import { planRequest, planWithData } from "@/lib/planning/plan-request";
import type { Scenario } from "@/lib/schemas/scenario";
import { diffUsedData, type DataChange } from "@/lib/share/data-changes";
import { newShareId, isShareId } from "@/lib/share/share-id";
import { readShareLimits, type ShareLimits } from "@/lib/share/share-limits";
import { readStoredScenario } from "@/lib/share/stored-scenario";

export interface SharedPlan {
  id: string;
  createdAt: string;
  scenario: Scenario;
  data: DatasetSnapshot;
  plan: Plan;
  /** Values that differ in today's dataset; empty when nothing moved. */
  dataChanges: DataChange[];
}

export interface ShareCaller {
  /** Who is asking, for the per-client limit (see clientKeyOf). */
  clientKey: string;
  /** Holds the admin token: no limit, no quota. */
  admin: boolean;
}

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// One limiter per process, rebuilt when the limits in the environment change (tests set them).
let limiter: { limits: string; limiter: RateLimiter } | null = null;
function limiterFor(limits: ShareLimits): RateLimiter {
  const key = JSON.stringify(limits);
  if (limiter?.limits !== key) limiter = { limits: key, limiter: createRateLimiter({ perMinute: limits.perMinute, burst: limits.burst }) };
  return limiter.limiter;
}

/** Forgets every client's bucket (tests). */
export function resetShareLimiter(): void {
  limiter = null;
}

function contentHashOf(scenarioJson: string, dataJson: string): string {
  return createHash("sha256").update(scenarioJson).update("\n").update(dataJson).digest("hex");
}

/**
 * Plans the scenario and stores it with the data it read; the same scenario on the
 * same data answers the id already stored (`created: false`) and counts against no limit.
 */
export async function shareScenario(
  db: Database,
  body: unknown,
  caller: ShareCaller,
  nowMs = Date.now(),
): Promise<{ id: string; created: boolean }> {
  const { scenario, data } = await planRequest(body, (params) => loadCachedSnapshot(db, params));
  const scenarioJson = JSON.stringify(scenario);
  const dataJson = JSON.stringify(data);
  const contentHash = contentHashOf(scenarioJson, dataJson);
  const existing = await findSharedScenarioIdByContentHash(db, contentHash);
  if (existing) return { id: existing, created: false };

  if (!caller.admin) {
    const limits = readShareLimits();
    const taken = limiterFor(limits).take(caller.clientKey, nowMs);
    if (!taken.ok) {
      throw new ApiError("too_many:shares", `Too many new share links from this client; try again in ${taken.retryAfterSec} s`, [], {
        retryAfterSec: taken.retryAfterSec,
      });
    }
    // Counted in the database, so the totals hold across app servers.
    const lastMinute = await countSharedScenariosSince(db, new Date(nowMs - MINUTE_MS).toISOString());
    if (lastMinute >= limits.quotaPerMinute) {
      throw new ApiError("too_many:share_quota", "Too many new share links on this server this minute; try again shortly", [], {
        retryAfterSec: 60,
      });
    }
    const lastDay = await countSharedScenariosSince(db, new Date(nowMs - DAY_MS).toISOString());
    if (lastDay >= limits.quotaPerDay) {
      // The oldest of the day's links leaves the window within the day; an hour is a fair wait.
      throw new ApiError("too_many:share_quota", "This server has stored its share links for today; try again later", [], {
        retryAfterSec: 3600,
      });
    }
  }
  const id = await insertSharedScenario(db, { id: newShareId(), version: scenario.version, scenarioJson, dataJson, contentHash });
  return { id, created: true };
}

/** Today's values of what the scenario reads. */
export async function loadTodaysDataFor(db: Database, scenario: Scenario): Promise<DatasetSnapshot> {
  const variantIds = typeof scenario.edge.variant === "string" ? [scenario.edge.variant.trim()] : [];
  return snapshotForScenario(scenario, await loadCachedSnapshot(db, { variantIds }));
}

/** The saved scenario alone (the planner opens a copy of it); null for an unknown id. */
export async function getSharedScenario(db: Database, id: string): Promise<Scenario | null> {
  if (!isShareId(id)) return null;
  const row = await getSharedScenarioById(db, id);
  return row ? readStoredScenario(JSON.parse(row.scenarioJson)) : null;
}

export async function getSharedPlan(db: Database, id: string): Promise<SharedPlan | null> {
  if (!isShareId(id)) return null;
  const row = await getSharedScenarioById(db, id);
  if (!row) return null;
  const scenario = readStoredScenario(JSON.parse(row.scenarioJson));
  const data = JSON.parse(row.dataJson) as DatasetSnapshot;
  const plan = planWithData(scenario, data);
  const today = await loadTodaysDataFor(db, scenario);
  return { id: row.id, createdAt: row.createdAt, scenario, data, plan, dataChanges: diffUsedData(data, today) };
}
