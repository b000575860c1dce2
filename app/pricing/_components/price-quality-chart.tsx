"use client";

import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { PriceQualityPoint } from "@/lib/charts/price-quality";

const HEIGHT = 360;

function PriceQualityTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as PriceQualityPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <b>{point.name}</b> <span className="muted">({point.provider})</span>
      <div>Quality: {point.score}</div>
      <div>Blended: ${point.blendedUsdPerMTok.toLocaleString("en-US", { maximumFractionDigits: 4 })} per 1M tokens</div>
    </div>
  );
}

/** Blended price against a quality score, one point per priced model (computed by lib/charts/price-quality). */
export function PriceQualityChart({ points, metric }: { points: PriceQualityPoint[]; metric: string }) {
  return (
    <figure
      className="chart"
      data-testid="price-quality-chart"
      aria-label={`Blended price in US dollars per million tokens against ${metric} score`}
      style={{ height: HEIGHT, minHeight: HEIGHT }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="score"
            domain={["auto", "auto"]}
            tick={{ fontSize: 12 }}
            label={{ value: `${metric.toUpperCase()} score`, position: "insideBottom", offset: -12, fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="blendedUsdPerMTok"
            domain={[0, "auto"]}
            tick={{ fontSize: 12 }}
            label={{ value: "USD / 1M tokens (3:1)", angle: -90, position: "insideLeft", fontSize: 12 }}
          />
          <Tooltip content={(props) => <PriceQualityTooltip {...props} />} />
          <Scatter data={points} fill="#2563eb" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
