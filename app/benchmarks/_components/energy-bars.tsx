"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { EnergyBar } from "@/lib/charts/energy-figures";
import type { DataStatus } from "@/lib/schemas/benchmark-file";
import { statusColors } from "./chart-colors";

const BAR_PX = 40;
const AXIS_PX = 76;
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
    <div className="chart-tooltip">
      <b>{bar.label}</b>
      <div>
        {bar.value.toLocaleString("en-US", { maximumFractionDigits: 2 })} {unit} {bar.note ?? ""}{" "}
        <span className={`status status-${bar.status}`}>{bar.status}</span>
      </div>
    </div>
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
    <figure className="chart chart-small" data-testid={testId} aria-label={ariaLabel} style={{ height: height + 28, minHeight: height + 28 }}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tick={{ fontSize: 12 }}
            label={{ value: xLabel, position: "insideBottom", offset: -8, fontSize: 12 }}
          />
          <YAxis type="category" dataKey="axisLabel" width={300} interval={0} tick={{ fontSize: 11 }} />
          <Tooltip content={(props) => <EnergyTooltip {...props} unit={unit} />} cursor={{ fillOpacity: 0.1 }} />
          <Legend verticalAlign="top" align="right" wrapperStyle={{ fontSize: 12 }} />
          {present.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={status}
              stackId="run"
              fill={statusColors[status]}
              isAnimationActive={false}
              barSize={18}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
