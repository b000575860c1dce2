import { and, asc, count, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type {
  BenchmarkFilters,
  BenchmarkRunResponse,
  BenchmarkSortKey,
  SortOrder,
} from "@/lib/schemas/api";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { RunFacts } from "@/lib/benchmarks/run-findings";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, sources, variants } from "../schema";
import { keptRunPage, type RunPageQueries } from "./kept-run-pages";
import { cachedUntilWrite, filtersKey } from "./version-cache";

/**
 * The SQL condition of a run filter, on benchmark_runs alone: filters on the
 * device, variant or runtime become `IN (small subquery)`, so a query needs no
 * join to filter and can aggregate 100,000 runs before it joins names.
 */
export function whereBenchmarkFilters(filters: BenchmarkFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.device) conditions.push(eq(benchmarkRuns.deviceId, filters.device));
  if (filters.soc) {
    conditions.push(sql`${benchmarkRuns.deviceId} in (select ${devices.id} from ${devices} where ${devices.soc} = ${filters.soc})`);
  }
  if (filters.variant) conditions.push(eq(benchmarkRuns.variantId, filters.variant));
  if (filters.model) {
    conditions.push(sql`${benchmarkRuns.variantId} in (select ${variants.id} from ${variants} where ${variants.modelId} = ${filters.model})`);
  }
  if (filters.quantization) {
    conditions.push(
      sql`${benchmarkRuns.variantId} in (select ${variants.id} from ${variants} where ${variants.quantization} = ${filters.quantization})`,
    );
  }
  if (filters.runtime) {
    conditions.push(sql`${benchmarkRuns.runtimeId} in (select ${runtimes.id} from ${runtimes} where ${runtimes.name} = ${filters.runtime})`);
  }
  if (filters.backend) conditions.push(eq(benchmarkRuns.backend, filters.backend));
  if (filters.status) conditions.push(eq(benchmarkRuns.status, filters.status));
  const sourceId = filters.uploadId ?? filters.source;
  if (sourceId !== undefined) conditions.push(eq(benchmarkRuns.sourceId, sourceId));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const sortColumns: Record<BenchmarkSortKey, AnyColumn> = {
  device: devices.name,
  soc: devices.soc,
  model: models.name,
  quantization: variants.quantization,
  runtime: runtimes.name,
  backend: benchmarkRuns.backend,
  status: benchmarkRuns.status,
  source: sources.title,
  decode: benchmarkRuns.decodeTokensPerSec,
  prefill: benchmarkRuns.prefillTokensPerSec,
  ttft: benchmarkRuns.ttftMs,
  peakMemory: benchmarkRuns.peakMemoryMB,
  power: benchmarkRuns.powerW,
  measuredAt: benchmarkRuns.measuredAt,
};

/** ORDER BY of a run list: the asked column (unknown values last either way), then id for a stable order. */
export function orderOfBenchmarkRuns(sort: BenchmarkSortKey | undefined, order: SortOrder = "asc"): SQL[] {
  if (!sort) return [asc(benchmarkRuns.deviceId), asc(benchmarkRuns.variantId), asc(benchmarkRuns.id)];
  const column = sortColumns[sort];
  // SQLite sorts NULL lowest: descending already puts unknown values last (and can walk an index backwards).
  return [order === "desc" ? sql`${column} desc` : sql`${column} asc nulls last`, asc(benchmarkRuns.id)];
}

export interface ListBenchmarkRunsParams extends BenchmarkFilters {
  sort?: BenchmarkSortKey;
  order?: SortOrder;
  limit: number;
  offset: number;
}

/** Counts the runs a filter selects; a count scans every selected run, so it is kept until the next write. */
export async function countBenchmarkRuns(db: Database, filters: BenchmarkFilters): Promise<number> {
  return cachedUntilWrite(db, `run-count:${filtersKey(filters)}`, async () => {
    const [row] = await db.select({ total: count() }).from(benchmarkRuns).where(whereBenchmarkFilters(filters));
    return row?.total ?? 0;
  });
}

const runListColumns = {
  run: benchmarkRuns,
  device: { id: devices.id, name: devices.name, soc: devices.soc },
  variant: { id: variants.id, modelId: variants.modelId, quantization: variants.quantization, sizeGB: variants.sizeGB },
  model: { name: models.name, paramsB: models.paramsB },
  runtime: runtimes.name,
  source: { id: sources.id, kind: sources.kind, title: sources.title, url: sources.url },
};

/** The page's columns and what the plausibility checks read besides (lib/benchmarks/run-findings.ts). */
const runListWithFactsColumns = {
  ...runListColumns,
  facts: {
    memoryBandwidthGBps: devices.memoryBandwidthGBps,
    batteryWh: devices.batteryWh,
    activeParamsB: models.activeParamsB,
    architecture: models.architecture,
  },
};

/** The joins every run listing needs: device, variant, model, runtime and source. */
export function joinRunFacts<T extends SQLiteSelect>(query: T) {
  return query
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .innerJoin(sources, eq(sources.id, benchmarkRuns.sourceId));
}

/** One page of runs with their device, variant, runtime and source, without the total; carried across writes (kept-run-pages.ts). */
export async function listBenchmarkRunPage(db: Database, params: ListBenchmarkRunsParams): Promise<BenchmarkRunResponse[]> {
  return keptRunPage(db, params, runPageQueries);
}

const runPageQueries: RunPageQueries<BenchmarkRunResponse> = {
  kind: "runs",
  page: async (db, params) => (await pageOf(joinRunFacts(db.select(runListColumns).from(benchmarkRuns).$dynamic()), params)).map(toBenchmarkRunResponse),
  added: async (db, params, ids) => (await pageOf(joinRunFacts(db.select(runListColumns).from(benchmarkRuns).$dynamic()), params, ids)).map(toBenchmarkRunResponse),
  runOf: (run) => run,
};

/** A listed run with the facts its plausibility checks read. */
export interface RunWithFacts {
  run: BenchmarkRunResponse;
  modelId: string;
  facts: RunFacts;
}

/** One page of runs (as listBenchmarkRunPage) with what their checks read, in the same query; carried across writes (kept-run-pages.ts). */
export async function listBenchmarkRunPageWithFacts(db: Database, params: ListBenchmarkRunsParams): Promise<RunWithFacts[]> {
  return keptRunPage(db, params, runPageWithFactsQueries);
}

const runPageWithFactsQueries: RunPageQueries<RunWithFacts> = {
  kind: "runs-with-facts",
  page: async (db, params) => (await pageOf(joinRunFacts(db.select(runListWithFactsColumns).from(benchmarkRuns).$dynamic()), params)).map(toRunWithFacts),
  added: async (db, params, ids) => (await pageOf(joinRunFacts(db.select(runListWithFactsColumns).from(benchmarkRuns).$dynamic()), params, ids)).map(toRunWithFacts),
  runOf: (row) => row.run,
};

/**
 * The page `params` asks for; or, given `ids`, every run among them the filter selects (looked up by id, in
 * no order: one JSON parameter, so that the query walks those ids and not every selected run in the list's order).
 */
function pageOf<T extends SQLiteSelect>(query: T, params: ListBenchmarkRunsParams, ids?: readonly number[]): T {
  if (ids) return query.where(and(sql`${benchmarkRuns.id} in (select value from json_each(${JSON.stringify(ids)}))`, whereBenchmarkFilters(params)));
  return query
    .where(whereBenchmarkFilters(params))
    .orderBy(...orderOfBenchmarkRuns(params.sort, params.order))
    .limit(params.limit)
    .offset(params.offset);
}

type RunListRowWithFacts = RunListRow & { facts: { memoryBandwidthGBps: number | null; batteryWh: number | null; activeParamsB: number | null; architecture: "dense" | "moe" | null } };

function toRunWithFacts(row: RunListRowWithFacts): RunWithFacts {
  return {
    run: toBenchmarkRunResponse(row),
    modelId: row.variant.modelId,
    facts: {
      decodeTokensPerSec: row.run.decodeTokensPerSec,
      powerW: row.run.powerW,
      batteryDrainPctPer30Min: row.run.batteryDrainPctPer30Min,
      backend: row.run.backend,
      memoryBandwidthGBps: row.facts.memoryBandwidthGBps,
      batteryWh: row.facts.batteryWh,
      sizeGB: row.variant.sizeGB,
      quantization: row.variant.quantization,
      paramsB: row.model.paramsB,
      activeParamsB: row.facts.activeParamsB,
      architecture: row.facts.architecture,
    },
  };
}

/** Runs with their device, variant, runtime and source, filtered, sorted and paged in SQL; a page is kept until the next write. */
export async function listBenchmarkRuns(
  db: Database,
  params: ListBenchmarkRunsParams,
): Promise<{ total: number; runs: BenchmarkRunResponse[] }> {
  const { sort, order, limit, offset } = params;
  const pageKey = `run-page:${filtersKey(params)}:${JSON.stringify([sort ?? null, order ?? null, limit, offset])}`;
  const [total, runs] = await Promise.all([
    countBenchmarkRuns(db, params),
    cachedUntilWrite(db, pageKey, () => listBenchmarkRunPage(db, params)),
  ]);
  return { total, runs };
}

/**
 * The ids of every run a filter selects, in the list's order: what an export
 * walks through in chunks (listBenchmarkRunsByIds) instead of paging with
 * OFFSET, which rescans the sorted set for every page.
 */
export async function listBenchmarkRunIds(
  db: Database,
  params: BenchmarkFilters & { sort?: BenchmarkSortKey; order?: SortOrder },
): Promise<number[]> {
  const rows = await joinRunFacts(db.select({ id: benchmarkRuns.id }).from(benchmarkRuns).$dynamic())
    .where(whereBenchmarkFilters(params))
    .orderBy(...orderOfBenchmarkRuns(params.sort, params.order));
  return rows.map((r) => r.id);
}

/** The runs with these ids (at most a few thousand at a time), in the order of `ids`. */
export async function listBenchmarkRunsByIds(db: Database, ids: number[]): Promise<BenchmarkRunResponse[]> {
  if (ids.length === 0) return [];
  const rows = await joinRunFacts(db.select(runListColumns).from(benchmarkRuns).$dynamic())
    .where(inArray(benchmarkRuns.id, ids));
  const byId = new Map(rows.map((row) => [row.run.id, toBenchmarkRunResponse(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type RunListRow = {
  run: typeof benchmarkRuns.$inferSelect;
  device: { id: string; name: string; soc: string | null };
  variant: { id: string; modelId: string; quantization: string; sizeGB: number | null };
  model: { name: string; paramsB: number | null };
  runtime: string;
  source: BenchmarkRunResponse["source"];
};

export function toBenchmarkRunResponse({ run, device, variant, model, runtime, source }: RunListRow): BenchmarkRunResponse {
  return {
    id: run.id,
    status: run.status,
    source,
    device,
    variant: { ...variant, modelName: model.name, paramsB: model.paramsB },
    runtime,
    backend: run.backend,
    metrics: {
      decodeTokensPerSec: run.decodeTokensPerSec,
      prefillTokensPerSec: run.prefillTokensPerSec,
      ttftMs: run.ttftMs,
      promptTokens: run.promptTokens,
      generatedTokens: run.generatedTokens,
      peakMemoryMB: run.peakMemoryMB,
      weightsMB: run.weightsMB,
      powerW: run.powerW,
      batteryDrainPctPer30Min: run.batteryDrainPctPer30Min,
      throttlePct: run.throttlePct,
      throttleAfterMin: run.throttleAfterMin,
      coldStartSec: run.coldStartSec,
      repetitions: run.repetitions,
      decodeStddevTokensPerSec: run.decodeStddevTokensPerSec,
      prefillStddevTokensPerSec: run.prefillStddevTokensPerSec,
    },
    measuredAt: run.measuredAt,
    notes: run.notes,
  };
}
