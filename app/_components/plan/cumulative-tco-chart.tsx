"use client";

import { CartesianGrid, Legend, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, formatUsdTick } from "@/lib/format/numbers";
import type { CumulativeTcoSeries } from "@/lib/plan-view/cumulative-tco";
import { STRATEGY_LABELS } from "@/lib/plan-view/labels";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { strategyLines } from "@/app/_components/charts/strategy-lines";
import { strategyColors } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle, markLabel, tooltipStyle } from "@/app/_components/charts/theme";

const HEIGHT = 320;

export function CumulativeTcoChart({ series }: { series: CumulativeTcoSeries }) {
  const marks = series.breakEvens.map((b) => b.label).join("; ");
  return (
    <ChartFrame
      title="Cumulative cost (TCO) with break-even"
      testId="chart-cumulative-tco"
      ariaLabel={`Cumulative cost of each strategy by month. ${marks || "No strategy breaks even against cloud-only."}`}
      height={HEIGHT}
      note={series.breakEvens.length === 0 ? "Neither the hybrid nor edge-only breaks even against cloud-only within the horizon." : `${marks}.`}
    >
      <LineChart data={series.rows} margin={{ top: 16, right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis
          dataKey="month"
          type="number"
          domain={[0, "dataMax"]}
          tick={axisTick}
          label={axisLabel("month", "x")}
        />
        <YAxis tickFormatter={formatUsdTick} tick={axisTick} width={64} />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={(m) => `Month ${String(m)}`} formatter={(v) => formatUsd(Number(v))} />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} itemSorter={null} />
        {strategyLines()}
        {series.breakEvens.filter((mark) => mark.feasible).map((mark) => (
          <ReferenceLine
            key={mark.strategy}
            x={mark.month}
            stroke={strategyColors[mark.strategy]}
            strokeDasharray="4 4"
            label={markLabel(`${STRATEGY_LABELS[mark.strategy]} pays back: m${mark.month}`, "insideTopLeft")}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
