"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/app/_components/plan/chart-frame";
import { axisTick, tierColors, tooltipStyle } from "@/app/_components/plan/chart-theme";
import { formatUsd } from "@/lib/format/numbers";
import { formatUsdTick } from "@/lib/plan-view/format";

const HEIGHT = 300;

/** Each scenario's recommended strategy, cumulative cost by month, on one axis. */
export default function CompareChart({ rows, names }: { rows: Record<string, number | null>[]; names: string[] }) {
  return (
    <ChartFrame
      title="Cumulative cost of each answer"
      testId="chart-compare"
      ariaLabel={`Cumulative cost by month of the recommended strategy of ${names.join(", ")}.`}
      height={HEIGHT}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" type="number" domain={[0, "dataMax"]} tick={axisTick} label={{ value: "month", position: "insideBottom", offset: -10, fontSize: 12 }} />
          <YAxis tickFormatter={formatUsdTick} tick={axisTick} width={64} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(m) => `Month ${String(m)}`} formatter={(v) => formatUsd(Number(v))} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {names.map((name, i) => (
            <Line
              key={i}
              dataKey={`s${i}`}
              name={name}
              stroke={tierColors[i % tierColors.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
