"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPct } from "@/lib/format/numbers";
import type { BatterySeries } from "@/lib/plan-view/battery";
import { ChartFrame } from "./chart-frame";
import { axisTick, budgetColor, strategyColors, tooltipStyle } from "./chart-theme";

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
    >
      {series.rows.length === 0 ? (
        <p className="empty chart-empty">No device class runs the model, so the feature uses no battery.</p>
      ) : (
        <ResponsiveContainer width="100%" height={series.heightPx}>
          <BarChart data={series.rows} layout="vertical" margin={{ top: 20, right: 20, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, series.axis.top]}
              ticks={series.axis.ticks}
              tickFormatter={(v: number) => `${v}%`}
              tick={axisTick}
            />
            <YAxis type="category" dataKey="category" width={150} interval={0} tick={{ fontSize: 11 }} />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={(_, payload) => String(payload[0]?.payload?.name ?? "")}
              formatter={(v) => formatPct(Number(v))}
              cursor={{ fillOpacity: 0.08 }}
            />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <Bar dataKey="allEdgePct" name="Every tier on the phone" fill={strategyColors.edgeOnly} isAnimationActive={false} />
            <Bar dataKey="hybridPct" name="Hybrid routing" fill={strategyColors.hybrid} isAnimationActive={false} />
            {cap !== null ? (
              <ReferenceLine
                x={cap}
                stroke={budgetColor}
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{ value: `cap ${formatPct(cap)}`, position: "top", fontSize: 11, fill: "var(--fg)" }}
              />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
