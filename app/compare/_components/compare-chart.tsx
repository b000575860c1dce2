"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { seriesColor } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle, tooltipStyle } from "@/app/_components/charts/theme";
import { formatUsd, formatUsdTick } from "@/lib/format/numbers";

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
      <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis dataKey="month" type="number" domain={[0, "dataMax"]} tick={axisTick} label={axisLabel("month", "x")} />
        <YAxis tickFormatter={formatUsdTick} tick={axisTick} width={64} />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={(m) => `Month ${String(m)}`} formatter={(v) => formatUsd(Number(v))} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} itemSorter={null} />
        {names.map((name, i) => (
          <Line
            key={i}
            dataKey={`s${i}`}
            name={name}
            stroke={seriesColor(i)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
