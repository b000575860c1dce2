/** Everything the dataset knows about one run: the run, its device's facts, its model, variant and source. */
import { asc, eq } from "drizzle-orm";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, qualityScores, runtimes, sources, variants } from "../schema";
import { toBenchmarkRunResponse } from "./benchmarks";
import { deviceWithFigures } from "./devices";

export interface DeviceFact {
  value: number | null;
  status: DataStatus | null;
  /** Where the fact came from when not the device's own source. */
  source: string | null;
}

export interface BenchmarkRunDetail {
  run: BenchmarkRunResponse;
  device: {
    id: string;
    name: string;
    kind: string;
    soc: string | null;
    os: string | null;
    ramGB: DeviceFact;
    memoryBandwidthGBps: DeviceFact;
    batteryWh: DeviceFact;
    sourceTitle: string;
  };
  model: {
    id: string;
    name: string;
    family: string | null;
    paramsB: number | null;
    activeParamsB: number | null;
    architecture: "dense" | "moe" | null;
    contextLength: number | null;
  };
  variantSizeStatus: DataStatus | null;
  source: {
    id: number;
    kind: string;
    title: string;
    url: string | null;
    format: string | null;
    publishedAt: string | null;
    notes: string | null;
  };
  quality: { metric: string; score: number; status: DataStatus; variantLevel: boolean; sourceTitle: string }[];
}

/** The run with this id and all it refers to, or null when there is none. */
export async function getBenchmarkRunDetailById(db: Database, id: number): Promise<BenchmarkRunDetail | null> {
  const deviceSources = db
    .select({ id: sources.id, title: sources.title })
    .from(sources)
    .as("device_sources");
  const [row] = await db
    .select({
      run: benchmarkRuns,
      deviceRow: devices,
      deviceSourceTitle: deviceSources.title,
      variantRow: variants,
      modelRow: models,
      runtime: runtimes.name,
      sourceRow: sources,
    })
    .from(benchmarkRuns)
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(deviceSources, eq(deviceSources.id, devices.sourceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .innerJoin(sources, eq(sources.id, benchmarkRuns.sourceId))
    .where(eq(benchmarkRuns.id, id));
  if (!row) return null;
  const { run, deviceRow: d, variantRow: v, modelRow: m, sourceRow: s } = row;

  const quality = await db
    .select({
      metric: qualityScores.metric,
      score: qualityScores.score,
      status: qualityScores.status,
      variantId: qualityScores.variantId,
      sourceTitle: sources.title,
    })
    .from(qualityScores)
    .innerJoin(sources, eq(sources.id, qualityScores.sourceId))
    .where(eq(qualityScores.modelId, m.id))
    .orderBy(asc(qualityScores.metric), asc(qualityScores.id));

  return {
    run: toBenchmarkRunResponse({
      run,
      device: { id: d.id, name: d.name, soc: d.soc },
      variant: { id: v.id, modelId: v.modelId, quantization: v.quantization, sizeGB: v.sizeGB },
      model: { name: m.name, paramsB: m.paramsB },
      runtime: row.runtime,
      source: { id: s.id, kind: s.kind, title: s.title, url: s.url },
    }),
    device: { ...deviceWithFigures(d), sourceTitle: row.deviceSourceTitle },
    model: {
      id: m.id,
      name: m.name,
      family: m.family,
      paramsB: m.paramsB,
      activeParamsB: m.activeParamsB,
      architecture: m.architecture,
      contextLength: m.contextLength,
    },
    variantSizeStatus: v.sizeStatus,
    source: {
      id: s.id,
      kind: s.kind,
      title: s.title,
      url: s.url,
      format: s.format,
      publishedAt: s.publishedAt,
      notes: s.notes,
    },
    quality: quality
      .filter((q) => q.variantId === null || q.variantId === v.id)
      .map((q) => ({
        metric: q.metric,
        score: q.score,
        status: q.status,
        variantLevel: q.variantId !== null,
        sourceTitle: q.sourceTitle,
      })),
  };
}
