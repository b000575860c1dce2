"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { barStatusOf, type BarRow, type BestFigureBars } from "@/lib/charts/best-figure-bars";
import { seriesPalette } from "./chart-colors";

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
    <div className="chart-tooltip">
      <b>{label}</b>
      <ul>
        {payload.map((entry) => {
          const key = String(entry.dataKey);
          const row = entry.payload as BarRow;
          const status = barStatusOf(row, key);
          return (
            <li key={key}>
              <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
              {key}: {typeof entry.value === "number" ? entry.value.toFixed(1) : "–"} {unit}
              {status ? <span className={`status status-${status}`}> {status}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Axis labels stay within the chart; the tooltip has the full name. */
function shortCategory(value: string): string {
  return value.length > 24 ? `${value.slice(0, 23)}…` : value;
}

/** Grouped bars of precomputed best figures: one group per model, one bar per device. */
export function BestFigureChart({ bars, unit, yLabel, testId, ariaLabel, height = 340 }: BestFigureChartProps) {
  return (
    <figure className="chart" data-testid={testId} aria-label={ariaLabel} style={{ height, minHeight: height }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars.rows} margin={{ top: 8, right: 16, bottom: 8, left: 40 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="category"
            angle={-25}
            textAnchor="end"
            interval={0}
            height={90}
            tick={{ fontSize: 12 }}
            tickFormatter={shortCategory}
          />
          <YAxis label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 }} tick={{ fontSize: 12 }} />
          <Tooltip content={(props) => <BarTooltip {...props} unit={unit} />} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
          {bars.seriesKeys.map((key, i) => (
            <Bar key={key} dataKey={key} fill={seriesPalette[i % seriesPalette.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
