"use client";

import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { MemoryPoint, MemoryVsSize } from "@/lib/charts/memory-vs-size";
import { referenceLineColor, statusColors } from "./chart-colors";

const HEIGHT = 360;

function MemoryTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as MemoryPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <b>{point.label}</b>
      <div>File size: {Math.round(point.sizeMB).toLocaleString("en-US")} MB</div>
      <div>Peak memory: {Math.round(point.peakMemoryMB).toLocaleString("en-US")} MB</div>
    </div>
  );
}

/** Peak memory against model file size, one colour per status, with the line memory = file size. */
export function MemoryScatter({ data }: { data: MemoryVsSize }) {
  const max = data.maxMB;
  return (
    <figure
      className="chart"
      data-testid="memory-chart"
      aria-label="Peak memory in MB against model file size in MB, one point per run"
      style={{ height: HEIGHT, minHeight: HEIGHT }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="sizeMB"
            name="File size"
            unit=" MB"
            domain={[0, "auto"]}
            tick={{ fontSize: 12 }}
            label={{ value: "model file size (MB)", position: "insideBottom", offset: -12, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="peakMemoryMB"
            name="Peak memory"
            domain={[0, "auto"]}
            tick={{ fontSize: 12 }}
            label={{ value: "peak memory (MB)", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <Tooltip content={(props) => <MemoryTooltip {...props} />} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: max, y: max },
            ]}
            stroke={referenceLineColor}
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
          />
          {data.series.map((s) => (
            <Scatter
              key={s.status}
              name={s.status}
              data={s.points}
              fill={statusColors[s.status]}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
