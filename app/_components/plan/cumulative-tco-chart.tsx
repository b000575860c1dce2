"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/format/numbers";
import { formatUsdTick } from "@/lib/plan-view/format";
import type { CumulativeTcoSeries } from "@/lib/plan-view/cumulative-tco";
import { STRATEGY_LABELS, STRATEGY_ORDER } from "@/lib/plan-view/labels";
import { ChartFrame } from "./chart-frame";
import { axisTick, strategyColors, tooltipStyle } from "./chart-theme";

const HEIGHT = 320;

export function CumulativeTcoChart({ series }: { series: CumulativeTcoSeries }) {
  const marks = series.breakEvens.map((b) => b.label).join("; ");
  return (
    <ChartFrame
      title="Cumulative cost (TCO) with break-even"
      testId="chart-cumulative-tco"
      ariaLabel={`Cumulative cost of each strategy by month. ${marks || "No strategy breaks even against cloud-only."}`}
      height={HEIGHT}
      note={series.breakEvens.length === 0 ? "Neither the hybrid nor edge-only breaks even against cloud-only within the horizon." : `${marks}.`}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={series.rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="month"
            type="number"
            domain={[0, "dataMax"]}
            tick={axisTick}
            label={{ value: "month", position: "insideBottom", offset: -10, fontSize: 12 }}
          />
          <YAxis tickFormatter={formatUsdTick} tick={axisTick} width={64} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(m) => `Month ${String(m)}`} formatter={(v) => formatUsd(Number(v))} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {STRATEGY_ORDER.map((name) => (
            <Line
              key={name}
              dataKey={name}
              name={STRATEGY_LABELS[name]}
              stroke={strategyColors[name]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {series.breakEvens.filter((mark) => mark.feasible).map((mark) => (
            <ReferenceLine
              key={mark.strategy}
              x={mark.month}
              stroke={strategyColors[mark.strategy]}
              strokeDasharray="4 4"
              label={{ value: `${STRATEGY_LABELS[mark.strategy]} pays back: m${mark.month}`, position: "insideTopLeft", fontSize: 11, fill: "var(--fg)" }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
