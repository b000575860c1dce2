"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip } from "@/app/_components/charts/chart-tooltip";
import { statusColors } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle, smallAxisTick } from "@/app/_components/charts/theme";
import type { EnergyBar } from "@/lib/charts/energy-figures";
import { formatFigure } from "@/lib/format/numbers";
import type { DataStatus } from "@/lib/schemas/benchmark-file";

const BAR_PX = 40;
const AXIS_PX = 76;
/** Run names wrap within 180 px, which leaves the bars room on a 400 px screen. */
const NAME_WIDTH_PX = 180;
const MIN_WIDTH_PX = 360;
const statuses: DataStatus[] = ["measured", "claimed", "estimated"];

interface EnergyBarsProps {
  title: string;
  bars: EnergyBar[];
  unit: string;
  xLabel: string;
  testId: string;
  ariaLabel: string;
}

function EnergyTooltip({ active, payload, unit }: TooltipContentProps & { unit: string }) {
  const bar = payload?.[0]?.payload as EnergyBar | undefined;
  if (!active || !bar) return null;
  return (
    <ChartTooltip title={bar.label}>
      <div>
        {formatFigure(bar.value)} {unit} {bar.note ?? ""} <span className={`status status-${bar.status}`}>{bar.status}</span>
      </div>
    </ChartTooltip>
  );
}

/**
 * Horizontal bars, one per run, coloured by status (one stacked series per status,
 * so each bar has exactly one). The height follows the bar count, so nothing jumps once drawn.
 */
export function EnergyBars({ title, bars, unit, xLabel, testId, ariaLabel }: EnergyBarsProps) {
  const height = AXIS_PX + BAR_PX * bars.length;
  const present = statuses.filter((s) => bars.some((b) => b.status === s));
  return (
    <ChartFrame title={title} testId={testId} ariaLabel={ariaLabel} height={height} minWidth={MIN_WIDTH_PX}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} horizontal={false} />
        <XAxis type="number" tick={axisTick} tickFormatter={formatFigure} label={{ ...axisLabel(xLabel, "x"), offset: -8 }} />
        <YAxis type="category" dataKey="axisLabel" width={NAME_WIDTH_PX} interval={0} tick={smallAxisTick} />
        <Tooltip content={(props) => <EnergyTooltip {...props} unit={unit} />} cursor={{ fillOpacity: 0.1 }} />
        <Legend verticalAlign="top" align="right" wrapperStyle={legendStyle} />
        {present.map((status) => (
          <Bar key={status} dataKey={status} name={status} stackId="run" fill={statusColors[status]} isAnimationActive={false} barSize={18} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
