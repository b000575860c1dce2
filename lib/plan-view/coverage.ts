/**
 * Which share of users' phones can run the edge model: the users the hybrid ships
 * the model to, those whose phones could run it but do not get it (too slow, or
 * not worth the download), those whose phones cannot (memory, no data) and the
 * phones outside the device mix. The four shares sum to 1.
 */
import type { Plan } from "@/lib/model";

export const COVERAGE_SEGMENTS = ["ships", "canRun", "cannotRun", "other"] as const;
export type CoverageSegment = (typeof COVERAGE_SEGMENTS)[number];

export const COVERAGE_LABELS: Record<CoverageSegment, string> = {
  ships: "Gets the model (hybrid)",
  canRun: "Could run it, not shipped",
  cannotRun: "Cannot run it",
  other: "Other phones (not in the mix)",
};

export interface CoverageSeries {
  /** One row for a single stacked bar: each segment's share of users. */
  row: { category: string } & Record<CoverageSegment, number>;
  /** The device classes in each segment. */
  members: Record<CoverageSegment, string[]>;
  /** Share of users whose phones can run the model (ships + canRun). */
  capableShare: number;
}

export function coverageSeries(plan: Plan): CoverageSeries {
  const shipped = new Set(plan.strategies.hybrid.shippedDeviceIds);
  const row = { category: "Users", ships: 0, canRun: 0, cannotRun: 0, other: 0 };
  const members: Record<CoverageSegment, string[]> = { ships: [], canRun: [], cannotRun: [], other: [] };
  let listed = 0;
  for (const device of plan.devices) {
    listed += device.share;
    const segment: CoverageSegment = shipped.has(device.deviceId) ? "ships" : device.capable ? "canRun" : "cannotRun";
    row[segment] += device.share;
    members[segment].push(device.name);
  }
  row.other = Math.max(0, 1 - listed);
  if (row.other > 0) members.other.push("phones not in the device mix");
  return { row, members, capableShare: row.ships + row.canRun };
}
