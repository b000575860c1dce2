import { and, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { calibrate, type DeviceCalibration } from "@/lib/benchmarks/calibration";
import type { Database } from "../client";
import { benchmarkRuns, devices, models, runtimes, variants } from "../schema";

/** Measured speed ÷ bandwidth bound per device and runtime, from the measured runs. */
export async function listDeviceCalibrations(
  db: Database,
  params: { deviceIds?: string[] } = {},
): Promise<DeviceCalibration[]> {
  const conditions: SQL[] = [eq(benchmarkRuns.status, "measured"), isNotNull(benchmarkRuns.decodeTokensPerSec)];
  if (params.deviceIds) conditions.push(inArray(benchmarkRuns.deviceId, params.deviceIds));
  const rows = await db
    .select({
      deviceId: benchmarkRuns.deviceId,
      runtime: runtimes.name,
      variantId: benchmarkRuns.variantId,
      decodeTokensPerSec: benchmarkRuns.decodeTokensPerSec,
      memoryBandwidthGBps: devices.memoryBandwidthGBps,
      sizeGB: variants.sizeGB,
      paramsB: models.paramsB,
      activeParamsB: models.activeParamsB,
      architecture: models.architecture,
    })
    .from(benchmarkRuns)
    .innerJoin(devices, eq(devices.id, benchmarkRuns.deviceId))
    .innerJoin(variants, eq(variants.id, benchmarkRuns.variantId))
    .innerJoin(models, eq(models.id, variants.modelId))
    .innerJoin(runtimes, eq(runtimes.id, benchmarkRuns.runtimeId))
    .where(and(...conditions));
  return calibrate(rows);
}
