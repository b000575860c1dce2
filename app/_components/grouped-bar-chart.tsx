"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const palette = ["#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#4b5563"];

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
    <figure className="chart" data-testid={testId} aria-label={ariaLabel}>
      <ResponsiveContainer width="100%" height={360}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 48, left: 48 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="category" angle={-30} textAnchor="end" interval={0} height={70} tick={{ fontSize: 12 }} />
          <YAxis label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 12 }} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(1) : String(value))} />
          <Legend verticalAlign="top" />
          {seriesKeys.map((key, i) => (
            <Bar key={key} dataKey={key} fill={palette[i % palette.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
