/**
 * Plausibility findings of the stored data: the checks of the documents' own
 * claims (cost totals, what a model is), one model's scores across sources, and
 * each run's checks (decode against the bandwidth bound, bits per parameter, energy).
 */
import { and, asc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { findingsOfRun, type RunFinding } from "@/lib/benchmarks/run-findings";
import {
  checkCostRow,
  checkMemoryAcrossSources,
  checkModelClaim,
  checkScoresAcrossSources,
  nominalBitsPerWeight,
  type SourcedMemory,
  type SourcedScore,
} from "@/lib/plausibility";
import { costClaimSchema, modelClaimSchema } from "@/lib/schemas/benchmark-file";
import type { BenchmarkFilters, BenchmarkRunResponse, DatasetFinding } from "@/lib/schemas/api";
import type { Database } from "../client";
import { listBenchmarkRunIds, listBenchmarkRunIdsAmong, listBenchmarkRunsByIds, whereBenchmarkFilters, type RunWithFacts } from "./benchmarks";
import { readDigestPart, readStoredDigest, readStoredDigestOf, type FailingRuns } from "./dataset-learning";
import { cachedUntilWrite, filtersKey } from "./version-cache";
import { benchmarkRuns, devices, documentClaims, models, qualityScores, sources, variants } from "../schema";

const CHUNK = 500;

/** Every check of the dataset's document claims and cross-source scores, failing ones first; kept until the next write. */
export function listDatasetFindings(db: Database): Promise<DatasetFinding[]> {
  return cachedUntilWrite(db, "dataset-findings", () => checkDatasetFindings(db));
}

async function checkDatasetFindings(db: Database): Promise<DatasetFinding[]> {
  const [claims, modelRows, scores, memoryRuns] = await Promise.all([
    db
      .select({ claim: documentClaims, source: { id: sources.id, title: sources.title } })
      .from(documentClaims)
      .innerJoin(sources, eq(sources.id, documentClaims.sourceId)),
    db
      .select({
        id: models.id,
        name: models.name,
        paramsB: models.paramsB,
        activeParamsB: models.activeParamsB,
        architecture: models.architecture,
        sourceTitle: sources.title,
      })
      .from(models)
      .innerJoin(sources, eq(sources.id, models.sourceId)),
    db
      .select({
        modelId: qualityScores.modelId,
        metric: qualityScores.metric,
        score: qualityScores.score,
        status: qualityScores.status,
        quantization: variants.quantization,
        sourceTitle: sources.title,
      })
      .from(qualityScores)
      .innerJoin(sources, eq(sources.id, qualityScores.sourceId))
      .leftJoin(variants, eq(variants.id, qualityScores.variantId)),
    // Documents' memory figures: claimed runs (measured ones vary with backend and context, not with the source).
    db
      .select({ modelId: variants.modelId, quantization: variants.quantization, peakMemoryMB: benchmarkRuns.peakMemoryMB, sourceTitle: sources.title })
      .from(benchmarkRuns)
      .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
      .innerJoin(sources, eq(sources.id, benchmarkRuns.sourceId))
      .where(and(eq(benchmarkRuns.status, "claimed"), isNotNull(benchmarkRuns.peakMemoryMB)))
      // The order the findings name sources in: the runs' own, whatever index the query walks.
      .orderBy(asc(benchmarkRuns.id)),
  ]);
  const modelsById = new Map(modelRows.map((m) => [m.id, m]));
  const findings: DatasetFinding[] = [];
  /** Document model id → the dataset model it is (model claims' sameModelAs). */
  const sameAs = new Map<string, string>();

  /** Memory a document states for a model at a quantization without a run (model claims' memory). */
  const claimedMemory: { modelId: string; quantization: string; peakMemoryMB: number; sourceTitle: string }[] = [];
  for (const { claim, source } of claims) {
    const at = { sourceId: source.id, sourceTitle: source.title };
    if (claim.kind === "cost") {
      const c = costClaimSchema.parse(JSON.parse(claim.claimJson));
      const f = checkCostRow({ label: c.label, tokens: c.tokens, usdPerMTok: c.usdPerMTok, periods: c.periods, statedUsd: c.statedUsd });
      findings.push({ ...f, ...at, modelIds: [], quote: c.quote });
      continue;
    }
    const c = modelClaimSchema.parse(JSON.parse(claim.claimJson));
    if (c.sameModelAs) sameAs.set(c.modelId, c.sameModelAs);
    if (c.memory) claimedMemory.push({ modelId: c.modelId, ...c.memory, sourceTitle: source.title });
    const facts = modelsById.get(c.sameModelAs ?? c.modelId);
    if (!facts) continue;
    const checks = checkModelClaim(
      c,
      { name: facts.name, architecture: facts.architecture, paramsB: facts.paramsB, activeParamsB: facts.activeParamsB, source: `"${facts.sourceTitle}"` },
      source.title,
    );
    for (const f of checks) findings.push({ ...f, ...at, modelIds: [...new Set([c.modelId, facts.id])], quote: c.quote });
  }

  const groups = new Map<string, { modelId: string; metric: string; modelIds: Set<string>; scores: SourcedScore[] }>();
  for (const s of scores) {
    // Compared: what sources claim or measure for the model at 4 bits or more. An estimated score
    // (a variant inheriting its model's) repeats another figure, and below 4 bits quantization
    // itself costs points (seed 004: 4-8 % for GGUF PTQ), so neither is a second source's figure.
    const bits = s.quantization ? nominalBitsPerWeight(s.quantization) : null;
    if (s.status === "estimated" || (bits !== null && bits < 4)) continue;
    const modelId = sameAs.get(s.modelId) ?? s.modelId;
    const key = `${modelId}\u0000${s.metric}`;
    const group = groups.get(key) ?? { modelId, metric: s.metric, modelIds: new Set<string>(), scores: [] };
    group.modelIds.add(s.modelId);
    group.scores.push({ score: s.score, sourceTitle: s.sourceTitle, ...(s.modelId !== modelId ? { asModel: modelsById.get(s.modelId)?.name ?? s.modelId } : {}) });
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const f = checkScoresAcrossSources(modelsById.get(g.modelId)?.name ?? g.modelId, g.metric, g.scores);
    if (f) findings.push({ ...f, sourceId: null, sourceTitle: null, modelIds: [...g.modelIds], quote: null });
  }

  const memoryGroups = new Map<string, { modelId: string; bits: number; modelIds: Set<string>; figures: SourcedMemory[] }>();
  for (const m of [...memoryRuns, ...claimedMemory]) {
    const bits = nominalBitsPerWeight(m.quantization);
    if (bits === null || m.peakMemoryMB === null) continue;
    const modelId = sameAs.get(m.modelId) ?? m.modelId;
    const key = `${modelId}\u0000${bits}`;
    const group = memoryGroups.get(key) ?? { modelId, bits, modelIds: new Set<string>(), figures: [] };
    group.modelIds.add(m.modelId);
    group.figures.push({ peakMemoryMB: m.peakMemoryMB, sourceTitle: m.sourceTitle, ...(m.modelId !== modelId ? { asModel: modelsById.get(m.modelId)?.name ?? m.modelId } : {}) });
    memoryGroups.set(key, group);
  }
  for (const g of memoryGroups.values()) {
    const f = checkMemoryAcrossSources(modelsById.get(g.modelId)?.name ?? g.modelId, g.bits, g.figures);
    if (f) findings.push({ ...f, sourceId: null, sourceTitle: null, modelIds: [...g.modelIds], quote: null });
  }

  return findings.sort((a, b) => Number(a.ok) - Number(b.ok));
}

/** The failing findings about each model the dataset's findings name. */
function modelFindingsById(dataset: readonly DatasetFinding[]): Map<string, RunFinding[]> {
  const byModel = new Map<string, RunFinding[]>();
  for (const id of new Set(dataset.flatMap((f) => f.modelIds))) byModel.set(id, modelFindingsOf(dataset, id));
  return byModel;
}

/** A run's own findings, then the failing findings about its model. */
function runFindings(facts: Parameters<typeof findingsOfRun>[0], modelId: string, byModel: ReadonlyMap<string, RunFinding[]>): RunFinding[] {
  return [...findingsOfRun(facts).findings, ...(byModel.get(modelId) ?? [])];
}

/** Listed runs with their findings (as findingsOfRuns gives them), from the facts their page query read. */
export function withRunFindings(rows: readonly RunWithFacts[], dataset: readonly DatasetFinding[]): (BenchmarkRunResponse & { findings: RunFinding[] })[] {
  const byModel = modelFindingsById(dataset);
  return rows.map(({ run, modelId, facts }) => ({ ...run, findings: runFindings(facts, modelId, byModel) }));
}

/** The failing findings about one model, as a run of it shows them. */
export function modelFindingsOf(dataset: readonly DatasetFinding[], modelId: string): RunFinding[] {
  return dataset.filter((f) => !f.ok && f.modelIds.includes(modelId)).map((f) => ({ check: f.check, ok: f.ok, reason: f.reason }));
}

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
export async function findingsOfRuns(
  db: Database,
  runIds: readonly number[],
  dataset: readonly DatasetFinding[],
): Promise<Map<number, RunFinding[]>> {
  const byModel = modelFindingsById(dataset);
  const out = new Map<number, RunFinding[]>();
  for (let i = 0; i < runIds.length; i += CHUNK) {
    const rows = await selectRunFacts(db).where(inArray(benchmarkRuns.id, runIds.slice(i, i + CHUNK)));
    for (const { id, modelId, ...facts } of rows) {
      out.set(id, runFindings(facts, modelId, byModel));
    }
  }
  return out;
}

export interface FlaggedRun {
  run: BenchmarkRunResponse;
  /** Its failing findings only. */
  findings: RunFinding[];
}

/**
 * The runs a filter selects that fail a check, in the list's order: how many, and the first `limit`.
 * Checking every selected run is slow on a large dataset (3.2 s at 100k runs), so the learning
 * after a write checks every run off the request thread and stores the failing ones with the
 * learning (dataset-learning.ts); a filter then only selects among them (a lookup by id each,
 * not a list of every selected run's id: 1.3 s at 100k runs). Without that row the
 * selected runs are checked here. Either answer is kept until the next write (`dataset` is the
 * database's own findings, the same until then).
 */
export async function listFlaggedRuns(
  db: Database,
  filters: BenchmarkFilters,
  dataset: readonly DatasetFinding[],
  limit: number,
): Promise<{ total: number; runs: FlaggedRun[] }> {
  return cachedUntilWrite(db, `flagged-runs:${filtersKey(filters)}:${limit}`, () => findFlaggedRuns(db, filters, dataset, limit));
}

async function findFlaggedRuns(
  db: Database,
  filters: BenchmarkFilters,
  dataset: readonly DatasetFinding[],
  limit: number,
): Promise<{ total: number; runs: FlaggedRun[] }> {
  const stored = await storedFailingRuns(db, dataset);
  let flagged: number[];
  let findings: Map<number, RunFinding[]>;
  if (stored) {
    findings = stored.failing;
    // Unfiltered, the digest's list order of this version's failing runs: no sort of every one of them here.
    const inOrder = stored.final && whereBenchmarkFilters(filters) === undefined ? await storedFailingRunIdsInListOrder(db) : null;
    flagged = inOrder ?? (await listBenchmarkRunIdsAmong(db, filters, [...stored.failing.keys()]));
  } else {
    const ids = await listBenchmarkRunIds(db, filters);
    findings = await findingsOfRuns(db, ids, dataset);
    flagged = ids.filter((id) => findings.get(id)?.some((f) => f.ok === false));
  }
  const runs = await listBenchmarkRunsByIds(db, flagged.slice(0, limit));
  return {
    total: flagged.length,
    runs: runs.map((run) => ({ run, findings: (findings.get(run.id) ?? []).filter((f) => f.ok === false) })),
  };
}

/** Runs added since the failing runs an interim reads were checked, checked here at most: more wait for the learning under way. */
const INTERIM_CHECKS = 2_000;

/**
 * The failing runs stored with this version's learning, by run id, read once per version
 * (megabytes at 100k runs); null when none were stored. While a worker learns the version,
 * an interim until it has stored it: the most recent failing runs stored (a run deleted since
 * is not found by id) and the runs added since, checked here (a small upload's: few).
 */
function storedFailingRuns(
  db: Database,
  dataset: readonly DatasetFinding[],
): Promise<{ failing: Map<number, RunFinding[]>; final: boolean } | null> {
  return cachedUntilWrite(db, "stored-failing-runs", async (version) => {
    const stored = await readStoredDigestOf(db, version, "failingRuns", { interim: true });
    if (stored?.computedFrom === version) return { failing: new Map(stored.value), final: true };
    const through = stored && (await readDigestPart(db, stored.computedFrom, "checkedThroughRunId"));
    const added = through
      ? await db.select({ id: benchmarkRuns.id }).from(benchmarkRuns).where(gt(benchmarkRuns.id, through.value)).orderBy(asc(benchmarkRuns.id)).limit(INTERIM_CHECKS + 1)
      : [];
    if (!stored || !through || added.length > INTERIM_CHECKS) {
      const final = await readStoredDigest(db, version, "failingRuns");
      return final ? { failing: new Map(final), final: true } : null;
    }
    const failing = new Map(stored.value);
    for (const [id, findings] of await findingsOfRuns(db, added.map((r) => r.id), dataset)) {
      const failed = findings.filter((f) => f.ok === false);
      if (failed.length > 0) failing.set(id, failed);
    }
    return { failing, final: false };
  });
}

/** The ids of the failing runs stored for this very version (not an interim), in the run list's default order; null when none are. */
function storedFailingRunIdsInListOrder(db: Database): Promise<number[] | null> {
  return cachedUntilWrite(db, "stored-failing-run-ids-in-list-order", async (version) => (await readDigestPart(db, version, "failingRunIdsInListOrder"))?.value ?? null);
}

/** The ids of `failing` in the run list's default order (the unfiltered list of flagged runs): stored with them in the digest. */
export async function failingRunIdsInListOrder(db: Database, failing: FailingRuns): Promise<number[]> {
  return listBenchmarkRunIdsAmong(db, {}, failing.map(([id]) => id));
}

/** Every run that fails a check, with its failing findings, in id order: stored with the learning after a write. */
export async function checkEveryRun(db: Database): Promise<FailingRuns> {
  const byModel = modelFindingsById(await listDatasetFindings(db));
  // One walk over every run, in id order: not a list of ids looked up again in chunks.
  const rows = await selectRunFacts(db).orderBy(asc(benchmarkRuns.id));
  const failing: FailingRuns = [];
  for (const { id, modelId, ...facts } of rows) {
    const failed = runFindings(facts, modelId, byModel).filter((f) => f.ok === false);
    if (failed.length > 0) failing.push([id, failed]);
  }
  return failing;
}
