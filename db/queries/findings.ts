/**
 * Plausibility findings of the stored data: the checks of the documents' own
 * claims (cost totals, what a model is), one model's scores across sources, and
 * each run's checks (decode against the bandwidth bound, bits per parameter, energy).
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { modelFindingsById, runFindingsWithModel, type RunFinding } from "@/lib/benchmarks/run-findings";
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
import { listBenchmarkRunIds, listBenchmarkRunsByIds, type RunWithFacts } from "./benchmarks";
import { failingRunsOf, findingsOfRuns } from "./failing-runs";
import { cachedUntilWrite, filtersKey } from "./version-cache";
import { benchmarkRuns, documentClaims, models, qualityScores, sources, variants } from "../schema";

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

/** Listed runs with their findings (as findingsOfRuns gives them), from the facts their page query read. */
export function withRunFindings(rows: readonly RunWithFacts[], dataset: readonly DatasetFinding[]): (BenchmarkRunResponse & { findings: RunFinding[] })[] {
  const byModel = modelFindingsById(dataset);
  return rows.map(({ run, modelId, facts }) => ({ ...run, findings: runFindingsWithModel(facts, modelId, byModel) }));
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
 * learning (dataset-learning.ts); a filter then only selects among them, in memory, where they
 * are kept and carried from one write to the next (failing-runs.ts). Without that row the
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
  const failing = await failingRunsOf(db, filters, dataset);
  if (failing) {
    const shown = failing.slice(0, limit);
    const findings = new Map(shown.map((r) => [r.id, r.findings]));
    const runs = await listBenchmarkRunsByIds(db, shown.map((r) => r.id));
    return { total: failing.length, runs: runs.map((run) => ({ run, findings: findings.get(run.id) ?? [] })) };
  }
  const ids = await listBenchmarkRunIds(db, filters);
  const findings = await findingsOfRuns(db, ids, dataset);
  const flagged = ids.filter((id) => findings.get(id)?.some((f) => f.ok === false));
  const runs = await listBenchmarkRunsByIds(db, flagged.slice(0, limit));
  return {
    total: flagged.length,
    runs: runs.map((run) => ({ run, findings: (findings.get(run.id) ?? []).filter((f) => f.ok === false) })),
  };
}
