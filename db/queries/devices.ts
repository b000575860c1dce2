import { asc, count, eq } from "drizzle-orm";
import type { DeviceResponse } from "@/lib/schemas/api";
import type { Database } from "../client";
import { benchmarkRuns, devices, sources } from "../schema";

/** A device's own fields and its three figures, each with its status and, where not the device's source, where it came from. */
export function deviceWithFigures(d: typeof devices.$inferSelect) {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    soc: d.soc,
    os: d.os,
    ramGB: { value: d.ramGB, status: d.ramStatus, source: d.ramSource },
    memoryBandwidthGBps: { value: d.memoryBandwidthGBps, status: d.memoryBandwidthStatus, source: d.memoryBandwidthSource },
    batteryWh: { value: d.batteryWh, status: d.batteryStatus, source: d.batterySource },
  };
}

export async function listDevices(db: Database): Promise<DeviceResponse[]> {
  const runCounts = db
    .select({ deviceId: benchmarkRuns.deviceId, runCount: count().as("run_count") })
    .from(benchmarkRuns)
    .groupBy(benchmarkRuns.deviceId)
    .as("run_counts");
  const rows = await db
    .select({
      device: devices,
      source: { id: sources.id, kind: sources.kind, title: sources.title, url: sources.url },
      runCount: runCounts.runCount,
    })
    .from(devices)
    .innerJoin(sources, eq(sources.id, devices.sourceId))
    .leftJoin(runCounts, eq(runCounts.deviceId, devices.id))
    .orderBy(asc(devices.name));
  return rows.map(({ device, source, runCount }) => ({
    ...deviceWithFigures(device),
    source,
    runCount: runCount ?? 0,
  }));
}
