"use client";

/**
 * The plan's nine charts. Loaded on their own (next/dynamic in plan-results.tsx),
 * so Recharts arrives after the answer instead of before it.
 * Every series comes from lib/plan-view; nothing here computes.
 */
import { memo, useMemo } from "react";
import type { Plan } from "@/lib/model";
import { planChartSeries } from "@/lib/plan-view/chart-series";
import { samePropsData } from "@/lib/plan-view/same-data";
import { BatteryChart } from "./battery-chart";
import { CoverageChart } from "./coverage-chart";
import { CumulativeTcoChart } from "./cumulative-tco-chart";
import { LatencyChart } from "./latency-chart";
import { MountWhenIdle } from "./mount-when-idle";
import { MonthlyCostChart } from "./monthly-cost-chart";
import { TcoByMauChart } from "./tco-by-mau-chart";
import { TornadoChart } from "./tornado-chart";

// Each chart redraws only when its own figures change. Recharts hands every axis and
// series to its store again whenever a chart re-renders, so a redraw costs several
// milliseconds even with the same data; a new name or a change that moves other charts
// (the monthly active users leave latency, battery and coverage as they were) skips it.
const MonthlyCost = memo(MonthlyCostChart, samePropsData);
const CumulativeTco = memo(CumulativeTcoChart, samePropsData);
const TcoByMau = memo(TcoByMauChart, samePropsData);
const Tornado = memo(TornadoChart, samePropsData);
const Latency = memo(LatencyChart, samePropsData);
const Battery = memo(BatteryChart, samePropsData);
const Coverage = memo(CoverageChart, samePropsData);

/** Each chart mounts in an idle task of its own (MountWhenIdle), top first; later plans redraw the mounted ones. */
export default function PlanCharts({ plan, variantName }: { plan: Plan; variantName: string }) {
  const shown = useMemo(() => planChartSeries(plan), [plan]);
  return (
    <div className="plan-charts">
      {/* Its panels wait for their own idle tasks, first in the queue. */}
      <MonthlyCost series={shown.monthly} />
      <MountWhenIdle height={320}>
        <CumulativeTco series={shown.cumulative} />
      </MountWhenIdle>
      <MountWhenIdle height={320}>
        <TcoByMau series={shown.byMau} horizonMonths={plan.horizonMonths} />
      </MountWhenIdle>
      <MountWhenIdle height={shown.tornado.heightPx}>
        <Tornado series={shown.tornado} />
      </MountWhenIdle>
      <MountWhenIdle height={shown.latency.heightPx}>
        <Latency series={shown.latency} />
      </MountWhenIdle>
      <div className="chart-pair">
        <MountWhenIdle height={shown.battery.heightPx}>
          <Battery series={shown.battery} />
        </MountWhenIdle>
        <MountWhenIdle height={72}>
          <Coverage series={shown.coverage} variantName={variantName} />
        </MountWhenIdle>
      </div>
    </div>
  );
}
