"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip } from "@/app/_components/charts/chart-tooltip";
import { implausibleColor, markerColor, pointColor } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle } from "@/app/_components/charts/theme";
import type { ImplausiblePoint, Roofline, RooflinePoint } from "@/lib/charts/roofline";
import { formatFigure } from "@/lib/format/numbers";
import { unpackRoofline, type PackedRoofline } from "../chart-wire";

const HEIGHT = 380;

function RooflineTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as RooflinePoint | ImplausiblePoint | undefined;
  if (!active || !point) return null;
  const implausible = "reason" in point;
  return (
    <ChartTooltip title={point.label} wide>
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
    </ChartTooltip>
  );
}

/** Measured decode against the bandwidth bound; the dashed diagonal is the bound itself. */
export function RooflineChart({ packed }: { packed: PackedRoofline }) {
  const data: Roofline = useMemo(() => unpackRoofline(packed), [packed]);
  const lo = data.ticks[0] ?? 1;
  const hi = data.ticks[data.ticks.length - 1] ?? 10;
  // Both axes are the same log scale, so the diagonal is the bound.
  const logAxis = {
    type: "number",
    scale: "log",
    domain: [lo, hi],
    ticks: data.ticks,
    allowDataOverflow: true,
    tick: axisTick,
    tickFormatter: formatFigure,
  } as const;
  return (
    <ChartFrame
      testId="roofline-chart"
      ariaLabel="Decode tokens per second against the memory-bandwidth bound; points above the diagonal exceed the bound"
      height={HEIGHT}
    >
      <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis
          {...logAxis}
          dataKey="boundTokensPerSec"
          name="Bound"
          label={axisLabel("bandwidth bound (tok/s) = bandwidth ÷ GB read per token", "x")}
        />
        <YAxis {...logAxis} dataKey="decodeTokensPerSec" name="Decode" label={axisLabel("decode (tok/s)", "y")} />
        <Tooltip content={(props) => <RooflineTooltip {...props} />} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} />
        <ReferenceLine
          segment={[
            { x: lo, y: lo },
            { x: hi, y: hi },
          ]}
          stroke={markerColor}
          strokeDasharray="4 4"
        />
        <Scatter name="within the bound" data={data.plausible} fill={pointColor} fillOpacity={0.7} isAnimationActive={false} />
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
    </ChartFrame>
  );
}
