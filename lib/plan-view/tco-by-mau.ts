/**
 * Horizon TCO of each strategy against monthly active users, for a log-log chart:
 * the plan's sensitivity section already holds the series (TCO is linear in
 * volume for a fixed routing), with the scenario's MAU and the crossover among
 * the points. Ticks fall on powers of ten.
 */
import type { Plan } from "@/lib/model";

/** null where a cost is 0: a log axis cannot show it. */
export interface TcoAtMau {
  monthlyActiveUsers: number;
  cloudOnly: number | null;
  hybrid: number | null;
  edgeOnly: number | null;
}

const positive = (usd: number): number | null => (usd > 0 ? usd : null);

export interface TcoByMauSeries {
  points: TcoAtMau[];
  mauTicks: number[];
  mauDomain: [number, number];
  usdTicks: number[];
  usdDomain: [number, number];
  /** MAU where the hybrid and cloud-only cost the same; null when their lines never meet. */
  crossoverMau: number | null;
  /** The scenario's own MAU, null at 0 (a log axis has no 0). */
  currentMau: number | null;
}

function decadeTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) ticks.push(10 ** e);
  return ticks;
}

function domainOf(ticks: number[]): [number, number] {
  return [ticks[0] ?? 1, ticks[ticks.length - 1] ?? 10];
}

export function tcoByMauSeries(plan: Plan): TcoByMauSeries {
  const points = plan.sensitivity.tcoByMonthlyActiveUsers
    .filter((p) => p.monthlyActiveUsers > 0)
    .map((p) => ({
      monthlyActiveUsers: p.monthlyActiveUsers,
      cloudOnly: positive(p.cloudOnly),
      hybrid: positive(p.hybrid),
      edgeOnly: positive(p.edgeOnly),
    }));
  const maus = points.map((p) => p.monthlyActiveUsers);
  const usds = points.flatMap((p) => [p.cloudOnly, p.hybrid, p.edgeOnly]).filter((v): v is number => v !== null);
  const mauTicks = maus.length > 0 ? decadeTicks(Math.min(...maus), Math.max(...maus)) : [1, 10];
  const usdTicks = usds.length > 0 ? decadeTicks(Math.min(...usds), Math.max(...usds)) : [1, 10];
  const mau = plan.inputs["traffic.monthlyActiveUsers"]?.value;
  return {
    points,
    mauTicks,
    mauDomain: domainOf(mauTicks),
    usdTicks,
    usdDomain: domainOf(usdTicks),
    crossoverMau: plan.sensitivity.crossoverMonthlyActiveUsers,
    currentMau: typeof mau === "number" && mau > 0 ? mau : null,
  };
}
