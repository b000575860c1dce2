"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip, TooltipItem } from "@/app/_components/charts/chart-tooltip";
import { seriesColor } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle } from "@/app/_components/charts/theme";
import { barStatusOf, type BarRow, type BestFigureBars } from "@/lib/charts/best-figure-bars";
import { formatFigure } from "@/lib/format/numbers";
import { truncateLabel } from "@/lib/format/text";

interface BestFigureChartProps {
  bars: BestFigureBars;
  /** Unit after each value in the tooltip ("tok/s", "ms"). */
  unit: string;
  yLabel: string;
  testId: string;
  ariaLabel: string;
  height?: number;
}

function BarTooltip({ active, payload, label, unit }: TooltipContentProps & { unit: string }) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <ChartTooltip title={label}>
      <ul>
        {payload.map((entry) => {
          const key = String(entry.dataKey);
          const status = barStatusOf(entry.payload as BarRow, key);
          return (
            <TooltipItem key={key} color={String(entry.color)}>
              {key}: {typeof entry.value === "number" ? formatFigure(entry.value) : "–"} {unit}
              {status ? <span className={`status status-${status}`}> {status}</span> : null}
            </TooltipItem>
          );
        })}
      </ul>
    </ChartTooltip>
  );
}

/** Axis labels stay within the chart; the tooltip has the full name. */
const shortCategory = (value: string) => truncateLabel(value, 20);

/** Room for a group of bars and its slanted label: below it the labels overlap. */
const PX_PER_GROUP = 56;

/** Grouped bars of precomputed best figures: one group per model, one bar per device. */
export function BestFigureChart({ bars, unit, yLabel, testId, ariaLabel, height = 340 }: BestFigureChartProps) {
  return (
    <ChartFrame testId={testId} ariaLabel={ariaLabel} height={height} minWidth={120 + PX_PER_GROUP * bars.rows.length}>
      <BarChart data={bars.rows} margin={{ top: 8, right: 16, bottom: 8, left: 48 }}>
        <CartesianGrid strokeDasharray={gridDash} vertical={false} />
        <XAxis dataKey="category" angle={-25} textAnchor="end" interval={0} height={90} tick={axisTick} tickFormatter={shortCategory} />
        <YAxis label={axisLabel(yLabel, "y")} tick={axisTick} tickFormatter={formatFigure} />
        <Tooltip content={(props) => <BarTooltip {...props} unit={unit} />} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} />
        {bars.seriesKeys.map((key, i) => (
          <Bar key={key} dataKey={key} fill={seriesColor(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
