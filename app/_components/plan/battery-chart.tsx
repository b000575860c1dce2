"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatPct } from "@/lib/format/numbers";
import type { BatterySeries } from "@/lib/plan-view/battery";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { limitColor, strategyColors } from "@/app/_components/charts/palette";
import { axisTick, gridDash, legendStyle, markLabel, smallAxisTick, tooltipStyle } from "@/app/_components/charts/theme";

/** Horizontal bars, so long phone names read in full on the category axis. */
export function BatteryChart({ series }: { series: BatterySeries }) {
  const cap = series.capPct;
  return (
    <ChartFrame
      title="Battery per user-day"
      testId="chart-battery"
      ariaLabel={`Percent of the battery one user spends a day on the feature, per device class${cap !== null ? `, cap ${formatPct(cap)}` : ""}.`}
      height={series.heightPx}
      note={
        <>
          {cap !== null ? `Dashed line: the ${formatPct(cap)} cap. ` : "No battery cap set. "}
          {series.unknown.length > 0 ? `Not shown: ${series.unknown.map((u) => `${u.name} (${u.note})`).join("; ")}.` : ""}
        </>
      }
      empty={
        series.rows.length === 0 ? (
          <p className="empty chart-empty">No device class runs the model, so the feature uses no battery.</p>
        ) : undefined
      }
    >
      <BarChart data={series.rows} layout="vertical" margin={{ top: 20, right: 20, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} horizontal={false} />
        <XAxis
          type="number"
          domain={[0, series.axis.top]}
          ticks={series.axis.ticks}
          tickFormatter={(v: number) => `${v}%`}
          tick={axisTick}
        />
        <YAxis type="category" dataKey="category" width={150} interval={0} tick={smallAxisTick} />
        <Tooltip
          contentStyle={tooltipStyle}
          labelFormatter={(_, payload) => String(payload[0]?.payload?.name ?? "")}
          formatter={(v) => formatPct(Number(v))}
          cursor={{ fillOpacity: 0.08 }}
        />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} itemSorter={null} />
        <Bar dataKey="allEdgePct" name="Every tier on the phone" fill={strategyColors.edgeOnly} isAnimationActive={false} />
        <Bar dataKey="hybridPct" name="Hybrid routing" fill={strategyColors.hybrid} isAnimationActive={false} />
        {cap !== null ? (
          <ReferenceLine
            x={cap}
            stroke={limitColor}
            strokeDasharray="6 3"
            ifOverflow="extendDomain"
            label={markLabel(`cap ${formatPct(cap)}`)}
          />
        ) : null}
      </BarChart>
    </ChartFrame>
  );
}
