/** Loads the DatasetSnapshot the engine plans with. */
import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { calibrate, type CalibrationRun, type DeviceCalibration } from "@/lib/benchmarks/calibration";
import { learnSpeedModel, type LearnedSpeedModel } from "@/lib/model/learned-speed";
import type {
  DatasetSnapshot,
  Provenance,
  SnapshotDevice,
  SnapshotPrice,
  SnapshotQuality,
  SnapshotRun,
  SnapshotVariant,
} from "@/lib/dataset/snapshot";
import type { FigureSource, PriceResponse } from "@/lib/schemas/api";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import { benchmarkRuns, cloudFacts, cloudPrices, devices, models, qualityScores, runtimes, sources, variants } from "../schema";
import { listCloudPrices } from "./prices";

/** What the runs of the whole dataset teach, learned once per data version (dataset-learning.ts). */
export interface DatasetLearning {
  calibrations: DeviceCalibration[];
  speedModel: LearnedSpeedModel;
}

export interface LoadSnapshotParams {
  /** Only the runs of these variants (the plan reads no others); all when omitted. */
  variantIds?: string[];
  asOf?: string;
}

function provenance(status: DataStatus | null, source: string | null, fallback: string): Provenance | undefined {
  if (status === null) return undefined;
  return { status, source: source ?? fallback };
}

function factProvenance(f: FigureSource): Provenance {
  return { status: f.status, source: f.source.title, sourceId: f.source.id };
}

function figureProvenance(f: NonNullable<PriceResponse["figureSources"]>): NonNullable<SnapshotPrice["figureProvenance"]> {
  return {
    ...(f.ttftMs ? { ttftMs: factProvenance(f.ttftMs) } : {}),
    ...(f.tokensPerSec ? { tokensPerSec: factProvenance(f.tokensPerSec) } : {}),
    quality: Object.fromEntries(Object.entries(f.quality).map(([metric, q]) => [metric, factProvenance(q)])),
  };
}

/** The catalogue's small tables as the snapshot holds them: devices (without calibrations), variants, prices. */
export interface CatalogueTables {
  devices: SnapshotDevice[];
  variants: SnapshotVariant[];
  prices: SnapshotPrice[];
  /** A source's title by id. */
  titleOf: (sourceId: number) => string;
}

/**
 * What loadCatalogueTables' answer depends on, in one query: it changes whenever the answer
 * may. Rows of the catalogue are only inserted or deleted, never changed in place, but for
 * the source a deleted upload's devices, variants and models are credited to instead
 * (uploads.ts, deleteUpload): so the AUTOINCREMENT tables (ids never reused) are told by
 * their count and highest id, the tables keyed by name by every id with its source, and the
 * current prices by the day (a price takes effect on its date).
 */
export async function readCatalogueStamp(db: Pick<Database, "get">): Promise<string> {
  const row = await db.get<{ stamp: string }>(sql`
    select
      (select count(*) || ':' || coalesce(max(id), 0) from ${qualityScores}) || ' ' ||
      (select count(*) || ':' || coalesce(max(id), 0) from ${cloudPrices}) || ' ' ||
      (select count(*) || ':' || coalesce(max(id), 0) from ${cloudFacts}) || ' ' ||
      coalesce((select group_concat(id || '@' || source_id, ',') from (select id, source_id from ${devices} order by id)), '') || ' ' ||
      coalesce((select group_concat(id || '@' || source_id, ',') from (select id, source_id from ${models} order by id)), '') || ' ' ||
      coalesce((select group_concat(id || '@' || source_id, ',') from (select id, source_id from ${variants} order by id)), '') as stamp`);
  return `${new Date().toISOString().slice(0, 10)} ${row?.stamp ?? ""}`;
}

export async function loadCatalogueTables(db: Database, params: { asOf?: string } = {}): Promise<CatalogueTables> {
  const sourceRows = await db.select({ id: sources.id, title: sources.title }).from(sources);
  const sourceTitle = new Map(sourceRows.map((s) => [s.id, s.title]));
  const titleOf = (id: number) => sourceTitle.get(id) ?? `source ${id}`;

  const deviceRows = await db.select().from(devices);
  const variantRows = await db
    .select({ variant: variants, model: models })
    .from(variants)
    .innerJoin(models, eq(models.id, variants.modelId));
  const qualityRows = await db.select().from(qualityScores);
  const prices = await listCloudPrices(db, { asOf: params.asOf });

  const snapshotVariants: SnapshotVariant[] = variantRows.map(({ variant: v, model: m }) => {
    // Variant-level scores win over model-level ones; among equals the later row wins.
    // A model-level score stands in for this quantization, which no source measured: say so.
    const quality: Record<string, SnapshotQuality> = {};
    const ranked = qualityRows
      .filter((q) => q.modelId === m.id && (q.variantId === null || q.variantId === v.id))
      .sort((a, b) => Number(a.variantId !== null) - Number(b.variantId !== null) || a.id - b.id);
    for (const q of ranked) {
      const title = titleOf(q.sourceId);
      quality[q.metric] = {
        score: q.score,
        provenance: {
          status: q.status,
          source: q.variantId === null ? `${title} (the model's score; ${v.quantization} inherits it)` : title,
          sourceId: q.sourceId,
        },
      };
    }
    const sizeProvenance = provenance(v.sizeStatus, titleOf(v.sourceId), titleOf(v.sourceId));
    return {
      id: v.id,
      modelId: m.id,
      name: `${m.name} ${v.quantization}`,
      quantization: v.quantization,
      sizeGB: v.sizeGB,
      paramsB: m.paramsB,
      activeParamsB: m.activeParamsB,
      architecture: m.architecture,
      quality,
      provenance: sizeProvenance ? { sizeGB: { ...sizeProvenance, sourceId: v.sourceId } } : {},
    };
  });

  const snapshotDevices: SnapshotDevice[] = deviceRows.map((d) => {
    const fallback = titleOf(d.sourceId);
    return {
      id: d.id,
      name: d.name,
      soc: d.soc,
      kind: d.kind,
      ramGB: d.ramGB,
      memoryBandwidthGBps: d.memoryBandwidthGBps,
      batteryWh: d.batteryWh,
      provenance: {
        ramGB: provenance(d.ramStatus, d.ramSource, fallback),
        memoryBandwidthGBps: provenance(d.memoryBandwidthStatus, d.memoryBandwidthSource, fallback),
        batteryWh: provenance(d.batteryStatus, d.batterySource, fallback),
      },
    };
  });

  return {
    devices: snapshotDevices,
    variants: snapshotVariants,
    titleOf,
    prices: prices.flatMap((p) =>
      p.inputUsdPerMTok === null
        ? []
        : [
            {
              id: p.key,
              provider: p.provider,
              modelKey: p.modelKey,
              name: p.name,
              inputUsdPerMTok: p.inputUsdPerMTok,
              outputUsdPerMTok: p.outputUsdPerMTok,
              cachedInputUsdPerMTok: p.cachedInputUsdPerMTok,
              batchInputUsdPerMTok: p.batchInputUsdPerMTok,
              batchOutputUsdPerMTok: p.batchOutputUsdPerMTok,
              longContext: p.longContext,
              tiersSource: p.tiersFrom ? `${p.tiersFrom.source.title} (same price, ${p.tiersFrom.effectiveDate})` : null,
              ttftMs: p.ttftMs,
              tokensPerSec: p.tokensPerSec,
              quality: p.quality,
              effectiveDate: p.effectiveDate,
              provenance: { status: p.status, source: p.source.title, sourceId: p.source.id },
              ...(p.figureSources ? { figureProvenance: figureProvenance(p.figureSources) } : {}),
            },
          ],
    ),
  };
}

/**
 * What every run of the dataset teaches: each device's calibrations and the learned speed
 * model. The estimator learns from every run (measured speeds, measured or claimed power),
 * whatever variants a plan reads, so a plan learns the same with or without a variant filter.
 * `allRuns`: every run, when the caller has already loaded them.
 */
export async function learnDataset(db: Database, tables: CatalogueTables, allRuns?: SnapshotRun[]): Promise<DatasetLearning> {
  const runs = allRuns ?? (await loadSnapshotRuns(db, undefined, tables.titleOf));
  // The learning itself is one synchronous step (seconds at 100k runs): requests waiting since the last page go first.
  await new Promise((resolve) => setImmediate(resolve));
  return { calibrations: calibrateDevices(runs, tables), speedModel: learnSpeedModel(runs, tables.devices, tables.variants) };
}

/** Measured speed ÷ bandwidth bound per device and runtime, from the measured runs already loaded. */
function calibrateDevices(runs: readonly SnapshotRun[], tables: CatalogueTables): DeviceCalibration[] {
  const deviceById = new Map(tables.devices.map((d) => [d.id, d]));
  const variantById = new Map(tables.variants.map((v) => [v.id, v]));
  const measured: CalibrationRun[] = [];
  for (const r of runs) {
    const device = deviceById.get(r.deviceId);
    const variant = variantById.get(r.variantId);
    if (r.status !== "measured" || r.decodeTokensPerSec === null || !device || !variant) continue;
    measured.push({
      deviceId: r.deviceId,
      runtime: r.runtime,
      variantId: r.variantId,
      decodeTokensPerSec: r.decodeTokensPerSec,
      memoryBandwidthGBps: device.memoryBandwidthGBps,
      sizeGB: variant.sizeGB,
      paramsB: variant.paramsB,
      activeParamsB: variant.activeParamsB,
      architecture: variant.architecture,
    });
  }
  return calibrate(measured);
}

/** The snapshot of these tables, runs and learning. */
export function assembleSnapshot(tables: CatalogueTables, runs: SnapshotRun[], learning: DatasetLearning): DatasetSnapshot {
  return {
    devices: tables.devices.map((d) => ({
      ...d,
      calibrations: learning.calibrations
        .filter((c) => c.deviceId === d.id)
        .map(({ runtime, efficiency, variants }) => ({ runtime, efficiency, variants })),
    })),
    variants: tables.variants,
    runs,
    speedModel: learning.speedModel,
    prices: tables.prices,
  };
}

/** The snapshot, read and learned now (snapshot-cache.ts keeps it until the next write). */
export async function loadDatasetSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  const tables = await loadCatalogueTables(db, params);
  const runs = await loadSnapshotRuns(db, params.variantIds, tables.titleOf);
  const learning = await learnDataset(db, tables, params.variantIds ? undefined : runs);
  return assembleSnapshot(tables, runs, learning);
}

/** Runs read at a time when reading every run: each read holds the event loop (≈0.1 s per 10,000 runs). */
const RUN_PAGE = 10_000;

/**
 * The runs of these variants (all when omitted) as the engine reads them, each with its
 * source's title (`titleOf`, read from the sources table when not given), in id order.
 * Every run is read page by page, letting other requests through between pages.
 */
export async function loadSnapshotRuns(
  db: Database,
  variantIds?: string[],
  titleOf?: (sourceId: number) => string,
): Promise<SnapshotRun[]> {
  if (!titleOf) {
    const sourceRows = await db.select({ id: sources.id, title: sources.title }).from(sources);
    const sourceTitle = new Map(sourceRows.map((s) => [s.id, s.title]));
    titleOf = (id: number) => sourceTitle.get(id) ?? `source ${id}`;
  }
  const title = titleOf;
  const runQuery = () =>
    db
      .select({ run: benchmarkRuns, runtime: runtimes.name })
      .from(benchmarkRuns)
      .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
      .$dynamic();
  const toRun = ({ run: r, runtime }: { run: typeof benchmarkRuns.$inferSelect; runtime: string }): SnapshotRun => ({
    id: r.id,
    deviceId: r.deviceId,
    variantId: r.variantId,
    runtime,
    backend: r.backend,
    status: r.status,
    provenance: { status: r.status, source: title(r.sourceId), sourceId: r.sourceId },
    decodeTokensPerSec: r.decodeTokensPerSec,
    prefillTokensPerSec: r.prefillTokensPerSec,
    ttftMs: r.ttftMs,
    promptTokens: r.promptTokens,
    contextDepthTokens: r.contextDepthTokens,
    peakMemoryMB: r.peakMemoryMB,
    weightsMB: r.weightsMB,
    powerW: r.powerW,
    batteryDrainPctPer30Min: r.batteryDrainPctPer30Min,
    throttlePct: r.throttlePct,
    throttleAfterMin: r.throttleAfterMin,
    coldStartSec: r.coldStartSec,
    measuredAt: r.measuredAt,
  });
  if (variantIds) {
    return (await runQuery().where(inArray(benchmarkRuns.variantId, variantIds)).orderBy(asc(benchmarkRuns.id))).map(toRun);
  }
  const runs: SnapshotRun[] = [];
  for (let after = 0; ; ) {
    const page = await runQuery().where(gt(benchmarkRuns.id, after)).orderBy(asc(benchmarkRuns.id)).limit(RUN_PAGE);
    for (const row of page) runs.push(toRun(row));
    if (page.length < RUN_PAGE) return runs;
    after = page[page.length - 1]!.run.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
