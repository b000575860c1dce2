/**
 * Each run's plausibility checks as the database gives their inputs (lib/benchmarks/run-findings.ts),
 * and the runs that fail one, kept in memory and carried from one data version to the next.
 *
 * The failing runs of the whole dataset are stored with the digest after a write (4 MB of JSON
 * at 100k runs); a filter's flagged runs are the ones among them it selects. Read once per
 * process and carried, a write costs what it added: runs are only added with a higher id or
 * deleted with their source (data-version.ts), so the failing runs now are those carried whose
 * source still exists, plus the failing ones among the runs above the highest id checked. A
 * run's checks also read its device, variant and model and the findings about its model: while
 * those stay as they were for every device, variant and model still there, what was checked
 * holds; a change (a device deleted and created again with other figures, a document's claim
 * about a model) has the failing runs taken from what the learning stores again.
 */
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { comboPassesFilters, type RunCombo } from "@/lib/benchmarks/facets";
import { modelFindingsById, runFindingsWithModel, type RunFinding } from "@/lib/benchmarks/run-findings";
import type { BenchmarkFilters, DatasetFinding } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, variants } from "../schema";
import { runComboNamer } from "./benchmark-facets";
import { readDataVersion } from "./data-version";
import { readDigestPart, readStoredDigestOf, type FailingRuns } from "./dataset-learning";
import { readRunCarryBasis, sameRunCatalogueFacts, type RunCarryBasis } from "./run-catalogue-facts";
import { cachedUntilWrite } from "./version-cache";

const CHUNK = 500;

/** What a run's checks read (lib/benchmarks/run-findings.ts), with its id and model. */
const runFactColumns = {
  id: benchmarkRuns.id,
  decodeTokensPerSec: benchmarkRuns.decodeTokensPerSec,
  powerW: benchmarkRuns.powerW,
  batteryDrainPctPer30Min: benchmarkRuns.batteryDrainPctPer30Min,
  backend: benchmarkRuns.backend,
  memoryBandwidthGBps: devices.memoryBandwidthGBps,
  batteryWh: devices.batteryWh,
  sizeGB: variants.sizeGB,
  quantization: variants.quantization,
  modelId: models.id,
  paramsB: models.paramsB,
  activeParamsB: models.activeParamsB,
  architecture: models.architecture,
};

/** Every run's facts (runFactColumns), joined to its device, variant and model. */
function selectRunFacts(db: Database) {
  return db
    .select(runFactColumns)
    .from(benchmarkRuns)
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId));
}

/**
 * Each run's findings: its own checks (findingsOfRun), then the failing findings about
 * its model (what a document wrongly says it is, its scores disagreeing across sources).
 */
export async function findingsOfRuns(db: Database, runIds: readonly number[], dataset: readonly DatasetFinding[]): Promise<Map<number, RunFinding[]>> {
  const byModel = modelFindingsById(dataset);
  const out = new Map<number, RunFinding[]>();
  for (let i = 0; i < runIds.length; i += CHUNK) {
    const rows = await selectRunFacts(db).where(inArray(benchmarkRuns.id, runIds.slice(i, i + CHUNK)));
    for (const { id, modelId, ...facts } of rows) out.set(id, runFindingsWithModel(facts, modelId, byModel));
  }
  return out;
}

/** Every run that fails a check, with its failing findings, in id order: stored with the learning after a write. `dataset`: the database's own findings. */
export async function checkEveryRun(db: Database, dataset: readonly DatasetFinding[]): Promise<FailingRuns> {
  // One walk over every run, in id order: not a list of ids looked up again in chunks.
  return failingAmong(await selectRunFacts(db).orderBy(asc(benchmarkRuns.id)), dataset);
}

/** The runs among `rows` (as selectRunFacts reads them) that fail a check, with their failing findings, in the rows' order. */
function failingAmong(rows: Awaited<ReturnType<typeof selectRunFacts>>, dataset: readonly DatasetFinding[]): FailingRuns {
  const byModel = modelFindingsById(dataset);
  const failing: FailingRuns = [];
  for (const { id, modelId, ...facts } of rows) {
    const failed = runFindingsWithModel(facts, modelId, byModel).filter((f) => f.ok === false);
    if (failed.length > 0) failing.push([id, failed]);
  }
  return failing;
}

/** A run that fails a check: its failing findings, and its combination (counting it alone), which a filter reads. */
export interface FailingRun {
  id: number;
  combo: RunCombo;
  findings: RunFinding[];
}

/** The failing runs of a data version, in the run list's default order (device, variant, id), and what they were checked with. */
export interface FailingRunsIndex {
  runs: FailingRun[];
  /** The highest run id checked. */
  throughRunId: number;
  /** What the checks read of each device, variant and model (run-catalogue-facts.ts). */
  facts: Map<string, string>;
  /** The failing findings about each model (modelFindingsKey). */
  modelFindings: string;
}

/**
 * The failing runs `filters` selects, in the run list's default order; null when none are stored
 * (a database no learning has digested: the caller checks the selected runs itself).
 */
export async function failingRunsOf(db: Database, filters: BenchmarkFilters, dataset: readonly DatasetFinding[]): Promise<FailingRun[] | null> {
  const index = await failingRunsAt(db, dataset);
  if (!index) return null;
  return index.runs.filter((r) => comboPassesFilters(r.combo, filters));
}

/** Runs added since the failing runs carried were checked, checked here at most: more wait for the learning's. */
const ADDED_CHECKS = 2_000;

/** The index last made for a version it holds exactly (not an interim), per database: what the next version starts from. */
const kept = new WeakMap<Database, FailingRunsIndex>();

/**
 * The failing runs at this data version, once per version: the index of an earlier version
 * carried forward (advance) while its checks' inputs are the same; else the ones stored with
 * this version's digest, or while a worker learns it the most recent ones stored brought
 * forward the same way (an interim, provisional as the digest's interims are, not carried).
 */
function failingRunsAt(db: Database, dataset: readonly DatasetFinding[]): Promise<FailingRunsIndex | null> {
  return cachedUntilWrite(db, "failing-runs", async (version) => {
    const basis = await readRunCarryBasis(db, version);
    const { facts } = basis;
    // The basis was read after this version was seen (run-catalogue-facts.ts); still this version
    // now, it was read before a later write: what was checked under its facts is this version's.
    const factsOfVersion = (await readDataVersion(db)) === version;
    const modelFindings = modelFindingsKey(dataset);
    const previous = kept.get(db);
    if (previous && previous.modelFindings === modelFindings && sameRunCatalogueFacts(previous.facts, facts)) {
      const advanced = await advance(db, previous, basis, dataset);
      if (advanced) {
        const index = { ...advanced, facts, modelFindings };
        kept.set(db, index);
        return index;
      }
    }
    const stored = await storedFailingRuns(db, version, basis, dataset);
    if (!stored) return null;
    const index = { ...stored.index, facts, modelFindings };
    if (stored.final && factsOfVersion) kept.set(db, index);
    return index;
  });
}

/**
 * The failing runs stored with the digest, brought to the database as it is now: this
 * version's, or while a worker learns it the most recent ones (read with their highest id
 * checked; a run deleted since is not found by id), unless more than ADDED_CHECKS runs came
 * since (then this version's, once stored). `final`: stored for this very version.
 */
async function storedFailingRuns(
  db: Database,
  version: string,
  basis: RunCarryBasis,
  dataset: readonly DatasetFinding[],
): Promise<{ index: Pick<FailingRunsIndex, "runs" | "throughRunId">; final: boolean } | null> {
  for (const interim of [true, false]) {
    const stored = await readStoredDigestOf(db, version, "failingRuns", { interim });
    if (!stored) return null;
    const through = await readDigestPart(db, stored.computedFrom, "checkedThroughRunId");
    // Gone meanwhile (a later version's digest replaced it): how far it checked is unknown.
    const index = through && (await advance(db, { runs: await namedFailingRuns(db, stored.value), throughRunId: through.value }, basis, dataset));
    if (index) return { index, final: stored.computedFrom === version };
  }
  return null;
}

/**
 * `previous` brought to the database as `basis` found it: its runs whose source still exists, and
 * the failing ones among the runs above the highest id it checked up to the basis' highest (an
 * index range of benchmark_runs' key); null when more than ADDED_CHECKS runs came since.
 */
async function advance(
  db: Database,
  previous: Pick<FailingRunsIndex, "runs" | "throughRunId">,
  { throughRunId: lastId, sourceIds }: RunCarryBasis,
  dataset: readonly DatasetFinding[],
): Promise<Pick<FailingRunsIndex, "runs" | "throughRunId"> | null> {
  let runs = previous.runs.every((r) => sourceIds.has(r.combo.sourceId)) ? previous.runs : previous.runs.filter((r) => sourceIds.has(r.combo.sourceId));
  if (lastId > previous.throughRunId) {
    const rows = await selectRunFacts(db)
      .where(and(gt(benchmarkRuns.id, previous.throughRunId), lte(benchmarkRuns.id, lastId)))
      .orderBy(asc(benchmarkRuns.id))
      .limit(ADDED_CHECKS + 1);
    if (rows.length > ADDED_CHECKS) return null;
    const failing = failingAmong(rows, dataset);
    if (failing.length > 0) runs = [...runs, ...(await namedFailingRuns(db, failing))].sort(inListOrder);
  }
  return { runs, throughRunId: Math.max(lastId, previous.throughRunId) };
}

/** The run list's default order (benchmarks.ts, orderOfBenchmarkRuns): device, variant, id. Ids are ASCII slugs, so code units compare as SQLite's bytes. */
function inListOrder(a: FailingRun, b: FailingRun): number {
  const x = a.combo;
  const y = b.combo;
  if (x.deviceId !== y.deviceId) return x.deviceId < y.deviceId ? -1 : 1;
  if (x.variantId !== y.variantId) return x.variantId < y.variantId ? -1 : 1;
  return a.id - b.id;
}

/** Failing runs with their combinations (one query for their filter fields), in list order; a run not found (deleted since) is left out, as is one whose names are gone (as a join would). */
async function namedFailingRuns(db: Database, failing: FailingRuns): Promise<FailingRun[]> {
  if (failing.length === 0) return [];
  const r = benchmarkRuns;
  const rows = await db
    .select({ id: r.id, deviceId: r.deviceId, variantId: r.variantId, runtimeId: r.runtimeId, backend: r.backend, status: r.status, sourceId: r.sourceId })
    .from(r)
    .where(sql`${r.id} in (select value from json_each(${JSON.stringify(failing.map(([id]) => id))}))`);
  const name = await runComboNamer(db);
  const comboOf = new Map<number, RunCombo | null>(
    rows.map((row) => [row.id, name([row.deviceId, row.variantId, row.runtimeId, row.backend, row.status, row.sourceId, 1])]),
  );
  const runs: FailingRun[] = [];
  for (const [id, findings] of failing) {
    const combo = comboOf.get(id);
    if (combo) runs.push({ id, combo, findings });
  }
  return runs.sort(inListOrder);
}

/** The failing findings about each model, as one string: a change (a claim added or deleted) changes every run of that model. */
function modelFindingsKey(dataset: readonly DatasetFinding[]): string {
  const failing = [...modelFindingsById(dataset)].filter(([, findings]) => findings.length > 0);
  return JSON.stringify(failing.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
