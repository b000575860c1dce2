"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatMs } from "@/lib/format/numbers";
import type { LatencyRow, LatencySeries } from "@/lib/plan-view/latency";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip, TooltipItem } from "@/app/_components/charts/chart-tooltip";
import { limitColor, seriesColor } from "@/app/_components/charts/palette";
import { axisTick, gridDash, legendStyle, markLabel, smallAxisTick } from "@/app/_components/charts/theme";

function LatencyTooltip({ active, payload, series }: TooltipContentProps & { series: LatencySeries }) {
  const row = payload?.[0]?.payload as LatencyRow | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltip title={row.name}>
      {row.note ? <div className="muted">{row.note}</div> : null}
      <ul>
        {series.tiers.map((tier, i) => {
          const burst = row[tier.burstKey];
          const sustained = row[`t${i}_sustained`];
          if (typeof burst !== "number") return null;
          return (
            <TooltipItem key={tier.tierId} color={seriesColor(i)}>
              {tier.tierId}: {formatMs(burst)}
              {typeof sustained === "number" && sustained !== burst ? `, sustained ${formatMs(sustained)}` : ""}
            </TooltipItem>
          );
        })}
      </ul>
    </ChartTooltip>
  );
}

const msTick = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`);

/**
 * Horizontal bars (phone names read in full): burst latency per tier (solid) plus
 * the extra once the phone throttles (pale), per device class and for the cloud.
 */
export function LatencyChart({ series }: { series: LatencySeries }) {
  const budget = series.budgetMs;
  const cannot = series.rows.filter((r) => r.note !== null);
  return (
    <ChartFrame
      title="Latency per request: burst and sustained, against the budget"
      testId="chart-latency"
      ariaLabel={`Latency of each tier on each device class and on the cloud${budget !== null ? `, budget ${formatMs(budget)}` : ", no budget set"}.`}
      height={series.heightPx}
      note={
        <>
          Solid: burst latency; pale end: the extra once the phone throttles (sustained).{" "}
          {budget !== null ? `Dashed line: the ${formatMs(budget)} budget.` : "No latency budget set."}
          {cannot.length > 0 ? ` No edge bars for ${cannot.map((r) => r.name).join(", ")}: cannot run the model.` : ""}
        </>
      }
    >
      <BarChart data={series.rows} layout="vertical" margin={{ top: 20, right: 20, bottom: 8, left: 8 }} barGap={1}>
        <CartesianGrid strokeDasharray={gridDash} horizontal={false} />
        <XAxis type="number" domain={[0, series.axis.top]} ticks={series.axis.ticks} tickFormatter={msTick} tick={axisTick} />
        <YAxis type="category" dataKey="category" width={150} interval={0} tick={smallAxisTick} />
        <Tooltip content={(props) => <LatencyTooltip {...props} series={series} />} cursor={{ fillOpacity: 0.08 }} />
        {/* Below the bars: above them it would cover the budget line's label. */}
        <Legend verticalAlign="bottom" wrapperStyle={{ ...legendStyle, paddingTop: 4 }} itemSorter={null} />
        {series.tiers.flatMap((tier, i) => [
          <Bar
            key={tier.burstKey}
            dataKey={tier.burstKey}
            name={tier.tierId}
            stackId={tier.tierId}
            fill={seriesColor(i)}
            isAnimationActive={false}
          />,
          <Bar
            key={tier.extraKey}
            dataKey={tier.extraKey}
            name={`${tier.tierId} (throttled)`}
            stackId={tier.tierId}
            fill={seriesColor(i)}
            fillOpacity={0.35}
            legendType="none"
            isAnimationActive={false}
          />,
        ])}
        {budget !== null ? (
          <ReferenceLine
            x={budget}
            stroke={limitColor}
            strokeDasharray="6 3"
            ifOverflow="extendDomain"
            label={markLabel(`budget ${formatMs(budget)}`)}
          />
        ) : null}
      </BarChart>
    </ChartFrame>
  );
}
