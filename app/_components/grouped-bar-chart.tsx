"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { seriesColor } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle, tooltipStyle } from "@/app/_components/charts/theme";
import { formatFigure } from "@/lib/format/numbers";

interface GroupedBarChartProps {
  rows: Record<string, string | number>[];
  seriesKeys: string[];
  yLabel: string;
  testId: string;
  ariaLabel: string;
}

/** Renders precomputed series; it does no arithmetic of its own. */
export function GroupedBarChart({ rows, seriesKeys, yLabel, testId, ariaLabel }: GroupedBarChartProps) {
  return (
    <ChartFrame testId={testId} ariaLabel={ariaLabel} height={360}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 48, left: 48 }}>
        <CartesianGrid strokeDasharray={gridDash} vertical={false} />
        <XAxis dataKey="category" angle={-30} textAnchor="end" interval={0} height={70} tick={axisTick} />
        <YAxis label={axisLabel(yLabel, "y")} tick={axisTick} tickFormatter={formatFigure} />
        <Tooltip contentStyle={tooltipStyle} formatter={(value) => (typeof value === "number" ? formatFigure(value) : String(value))} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} />
        {seriesKeys.map((key, i) => (
          <Bar key={key} dataKey={key} fill={seriesColor(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
