"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip } from "@/app/_components/charts/chart-tooltip";
import { markerColor, statusColors } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle } from "@/app/_components/charts/theme";
import type { MemoryPoint, MemoryVsSize } from "@/lib/charts/memory-vs-size";
import { formatMB } from "@/lib/format/numbers";
import { unpackMemoryVsSize, type PackedMemoryVsSize } from "../chart-wire";

const HEIGHT = 360;

function MemoryTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as MemoryPoint | undefined;
  if (!active || !point) return null;
  return (
    <ChartTooltip title={point.label}>
      <div>File size: {formatMB(point.sizeMB)}</div>
      <div>Peak memory: {formatMB(point.peakMemoryMB)}</div>
    </ChartTooltip>
  );
}

/** Peak memory against model file size, one colour per status, with the line memory = file size. */
export function MemoryScatter({ packed }: { packed: PackedMemoryVsSize }) {
  const data: MemoryVsSize = useMemo(() => unpackMemoryVsSize(packed), [packed]);
  const max = data.maxMB;
  return (
    <ChartFrame testId="memory-chart" ariaLabel="Peak memory in MB against model file size in MB, one point per run" height={HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis
          type="number"
          dataKey="sizeMB"
          name="File size"
          unit=" MB"
          domain={[0, "auto"]}
          tick={axisTick}
          label={axisLabel("model file size (MB)", "x")}
        />
        <YAxis
          type="number"
          dataKey="peakMemoryMB"
          name="Peak memory"
          domain={[0, "auto"]}
          tick={axisTick}
          label={axisLabel("peak memory (MB)", "y")}
        />
        <Tooltip content={(props) => <MemoryTooltip {...props} />} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: max, y: max },
          ]}
          stroke={markerColor}
          strokeDasharray="4 4"
          ifOverflow="extendDomain"
        />
        {data.series.map((s) => (
          <Scatter key={s.status} name={s.status} data={s.points} fill={statusColors[s.status]} fillOpacity={0.7} isAnimationActive={false} />
        ))}
      </ScatterChart>
    </ChartFrame>
  );
}
