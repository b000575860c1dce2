/** Loads the DatasetSnapshot the engine plans with. */
import { eq, inArray } from "drizzle-orm";
import { learnSpeedModel } from "@/lib/model/learned-speed";
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
import { benchmarkRuns, devices, models, qualityScores, runtimes, sources, variants } from "../schema";
import { listDeviceCalibrations } from "./calibration";
import { listCloudPrices } from "./prices";

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

export async function loadDatasetSnapshot(db: Database, params: LoadSnapshotParams = {}): Promise<DatasetSnapshot> {
  const sourceRows = await db.select({ id: sources.id, title: sources.title }).from(sources);
  const sourceTitle = new Map(sourceRows.map((s) => [s.id, s.title]));
  const titleOf = (id: number) => sourceTitle.get(id) ?? `source ${id}`;

  const deviceRows = await db.select().from(devices);
  const variantRows = await db
    .select({ variant: variants, model: models })
    .from(variants)
    .innerJoin(models, eq(models.id, variants.modelId));
  const qualityRows = await db.select().from(qualityScores);

  const runs = await loadSnapshotRuns(db, params.variantIds, titleOf);
  // The estimator learns from every run (measured speeds, measured or claimed power), whatever
  // variants the plan reads, so a plan learns the same with or without the variant filter.
  const learningRuns = params.variantIds ? await loadSnapshotRuns(db, undefined, titleOf) : runs;

  const prices = await listCloudPrices(db, { asOf: params.asOf });
  const calibrations = await listDeviceCalibrations(db);

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
      calibrations: calibrations
        .filter((c) => c.deviceId === d.id)
        .map(({ runtime, efficiency, variants }) => ({ runtime, efficiency, variants })),
    };
  });

  return {
    devices: snapshotDevices,
    variants: snapshotVariants,
    runs,
    speedModel: learnSpeedModel(learningRuns, snapshotDevices, snapshotVariants),
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
 * The runs of these variants (all when omitted) as the engine reads them, each with its
 * source's title (`titleOf`, read from the sources table when not given).
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
  const runQuery = db
    .select({ run: benchmarkRuns, runtime: runtimes.name })
    .from(benchmarkRuns)
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId));
  const rows = variantIds ? await runQuery.where(inArray(benchmarkRuns.variantId, variantIds)) : await runQuery;
  return rows.map(({ run: r, runtime }) => ({
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
  }));
}
