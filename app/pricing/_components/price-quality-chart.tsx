"use client";

import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip } from "@/app/_components/charts/chart-tooltip";
import { pointColor } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash } from "@/app/_components/charts/theme";
import type { PriceQualityPoint } from "@/lib/charts/price-quality";
import { formatFigure, formatUsdPerMTok, formatUsdTick } from "@/lib/format/numbers";

const HEIGHT = 360;

function PriceQualityTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as PriceQualityPoint | undefined;
  if (!active || !point) return null;
  return (
    <ChartTooltip
      title={
        <>
          {point.name} <span className="muted">({point.provider})</span>
        </>
      }
    >
      <div>Quality: {formatFigure(point.score)}</div>
      <div>Blended: {formatUsdPerMTok(point.blendedUsdPerMTok)} per 1M tokens</div>
    </ChartTooltip>
  );
}

/** Blended price against a quality score, one point per priced model (computed by lib/charts/price-quality). */
export function PriceQualityChart({ points, metric }: { points: PriceQualityPoint[]; metric: string }) {
  return (
    <ChartFrame
      testId="price-quality-chart"
      ariaLabel={`Blended price in US dollars per million tokens against ${metric} score`}
      height={HEIGHT}
    >
      <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis
          type="number"
          dataKey="score"
          domain={["auto", "auto"]}
          tick={axisTick}
          label={axisLabel(`${metric.toUpperCase()} score`, "x")}
        />
        <YAxis
          type="number"
          dataKey="blendedUsdPerMTok"
          domain={[0, "auto"]}
          tick={axisTick}
          tickFormatter={formatUsdTick}
          label={axisLabel("USD / 1M tokens (3:1)", "y")}
        />
        <Tooltip content={(props) => <PriceQualityTooltip {...props} />} />
        <Scatter data={points} fill={pointColor} isAnimationActive={false} />
      </ScatterChart>
    </ChartFrame>
  );
}
