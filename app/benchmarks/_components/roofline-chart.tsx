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
import type { ImplausiblePoint, Roofline, RooflinePoint } from "@/lib/charts/roofline";
import { formatFigure } from "@/lib/format/numbers";
import { implausibleColor, referenceLineColor, withinBoundColor } from "./chart-colors";

const HEIGHT = 380;

function RooflineTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as RooflinePoint | ImplausiblePoint | undefined;
  if (!active || !point) return null;
  const implausible = "reason" in point;
  return (
    <div className="chart-tooltip chart-tooltip-wide">
      <b>{point.label}</b>
      <div>
        <span className={`status status-${point.status}`}>{point.status}</span>
        {implausible ? ` · ${point.sourceTitle}` : ""}
      </div>
      {implausible ? (
        <div className="implausible-text">{point.reason}</div>
      ) : (
        <div>
          {formatFigure(point.decodeTokensPerSec)} tok/s, within the bound of {formatFigure(point.boundTokensPerSec)} tok/s (
          {formatFigure(point.memoryBandwidthGBps)} GB/s ÷ {formatFigure(point.gbReadPerToken)} GB)
        </div>
      )}
    </div>
  );
}

/** Measured decode against the bandwidth bound; the dashed diagonal is the bound itself. */
export function RooflineChart({ data }: { data: Roofline }) {
  const lo = data.ticks[0] ?? 1;
  const hi = data.ticks[data.ticks.length - 1] ?? 10;
  return (
    <figure
      className="chart"
      data-testid="roofline-chart"
      aria-label="Decode tokens per second against the memory-bandwidth bound; points above the diagonal exceed the bound"
      style={{ height: HEIGHT, minHeight: HEIGHT }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="boundTokensPerSec"
            name="Bound"
            scale="log"
            domain={[lo, hi]}
            ticks={data.ticks}
            allowDataOverflow
            tick={{ fontSize: 12 }}
            label={{ value: "bandwidth bound (tok/s) = bandwidth ÷ GB read per token", position: "insideBottom", offset: -12, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="decodeTokensPerSec"
            name="Decode"
            scale="log"
            domain={[lo, hi]}
            ticks={data.ticks}
            allowDataOverflow
            tick={{ fontSize: 12 }}
            label={{ value: "decode (tok/s)", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <Tooltip content={(props) => <RooflineTooltip {...props} />} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            segment={[
              { x: lo, y: lo },
              { x: hi, y: hi },
            ]}
            stroke={referenceLineColor}
            strokeDasharray="4 4"
          />
          <Scatter
            name="within the bound"
            data={data.plausible}
            fill={withinBoundColor}
            fillOpacity={0.7}
            isAnimationActive={false}
          />
          {data.implausible.length > 0 ? (
            <Scatter
              name="above the bound (impossible)"
              data={data.implausible}
              fill={implausibleColor}
              shape="cross"
              isAnimationActive={false}
            />
          ) : null}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
