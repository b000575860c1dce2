"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatShare, formatUsd, formatUsdTick } from "@/lib/format/numbers";
import { COST_PART_LABELS, COST_PARTS } from "@/lib/plan-view/labels";
import type { MonthlyCostSeries } from "@/lib/plan-view/monthly-cost";
import { costPartColors } from "@/app/_components/charts/palette";
import { axisTick, gridDash, tooltipStyle } from "@/app/_components/charts/theme";
import { MountWhenIdle } from "./mount-when-idle";

const PANEL_HEIGHT = 220;

/** One stacked-bar panel per strategy on a shared y scale; each panel is drawn in an idle task of its own (a third of the chart's cost on a slow phone). */
export function MonthlyCostChart({ series }: { series: MonthlyCostSeries }) {
  return (
    <figure className="chart" data-testid="chart-monthly-cost">
      <figcaption>Monthly cost by strategy</figcaption>
      <ul className="chart-legend" aria-label="Cost parts">
        {COST_PARTS.map((part) => (
          <li key={part}>
            <span className="swatch" style={{ background: costPartColors[part] }} aria-hidden="true" />
            {COST_PART_LABELS[part]}
          </li>
        ))}
      </ul>
      <div className="small-multiples">
        {series.panels.map((panel) => (
          <div key={panel.strategy} className="small-multiple">
            <h4>{panel.label}</h4>
            {/* Always one line, so the three panels stay aligned whatever they say. */}
            <p className="small-multiple-note">
              {panel.feasible ? "feasible" : "infeasible"}
              {panel.unservedShare > 0 ? ` · ${formatShare(panel.unservedShare)} of requests unserved` : ""}
            </p>
            <div
              role="img"
              aria-label={`${panel.label}: monthly cost from ${formatUsd(panel.rows[0]?.totalUsd ?? 0)} in month 1 to ${formatUsd(panel.rows[panel.rows.length - 1]?.totalUsd ?? 0)} in month ${panel.rows.length}`}
              style={{ height: PANEL_HEIGHT }}
            >
              <MountWhenIdle height={PANEL_HEIGHT} bare>
                <ResponsiveContainer width="100%" height={PANEL_HEIGHT}>
                  <BarChart data={panel.rows} margin={{ top: 4, right: 4, bottom: 4, left: 0 }} barCategoryGap={1}>
                    <CartesianGrid strokeDasharray={gridDash} vertical={false} />
                    <XAxis dataKey="month" tick={axisTick} interval="preserveStartEnd" minTickGap={12} />
                    <YAxis domain={[0, series.yAxis.top]} ticks={series.yAxis.ticks} tickFormatter={formatUsdTick} tick={axisTick} width={56} />
                    <Tooltip
                      contentStyle={tooltipStyle}
                      labelFormatter={(m) => `${panel.label}, month ${String(m)}`}
                      formatter={(value) => formatUsd(Number(value))}
                      cursor={{ fillOpacity: 0.1 }}
                    />
                    {COST_PARTS.map((part) => (
                      <Bar
                        key={part}
                        dataKey={part}
                        name={COST_PART_LABELS[part]}
                        stackId="cost"
                        fill={costPartColors[part]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </MountWhenIdle>
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}
