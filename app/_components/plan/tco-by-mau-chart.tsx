"use client";

import { CartesianGrid, Legend, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatUsd, formatUsdTick, formatUsers } from "@/lib/format/numbers";
import type { TcoByMauSeries } from "@/lib/plan-view/tco-by-mau";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { strategyLines } from "@/app/_components/charts/strategy-lines";
import { markerColor, strategyColors } from "@/app/_components/charts/palette";
import { axisLabel, axisTick, gridDash, legendStyle, markLabel, tooltipStyle } from "@/app/_components/charts/theme";

const HEIGHT = 320;

export function TcoByMauChart({ series, horizonMonths }: { series: TcoByMauSeries; horizonMonths: number }) {
  const crossover = series.crossoverMau;
  const note =
    crossover === null
      ? "The hybrid and cloud-only lines do not cross at any positive volume."
      : `The hybrid costs the same as cloud-only at ${formatUsers(crossover)} monthly active users.`;
  return (
    <ChartFrame
      title={`${horizonMonths}-month TCO against monthly active users`}
      testId="chart-tco-by-mau"
      ariaLabel={`TCO of each strategy from ${formatCount(series.mauDomain[0])} to ${formatCount(series.mauDomain[1])} monthly active users, log scales. ${note}`}
      height={HEIGHT}
      note={note}
    >
      <LineChart data={series.points} margin={{ top: 16, right: 20, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray={gridDash} />
        <XAxis
          dataKey="monthlyActiveUsers"
          type="number"
          scale="log"
          domain={series.mauDomain}
          ticks={series.mauTicks}
          tickFormatter={(v: number) => formatCount(v)}
          tick={axisTick}
          allowDataOverflow
          label={axisLabel("monthly active users (log)", "x")}
        />
        <YAxis
          type="number"
          scale="log"
          domain={series.usdDomain}
          ticks={series.usdTicks}
          tickFormatter={formatUsdTick}
          tick={axisTick}
          width={64}
          allowDataOverflow
        />
        <Tooltip
          contentStyle={tooltipStyle}
          labelFormatter={(m) => `${formatCount(Number(m))} MAU`}
          formatter={(v) => formatUsd(Number(v))}
        />
        <Legend verticalAlign="top" wrapperStyle={legendStyle} itemSorter={null} />
        {strategyLines({ dashed: ["edgeOnly"] })}
        {series.currentMau !== null ? (
          <ReferenceLine
            x={series.currentMau}
            stroke={markerColor}
            strokeDasharray="2 4"
            label={markLabel("you", "insideTopLeft")}
          />
        ) : null}
        {crossover !== null ? (
          <ReferenceLine
            x={crossover}
            stroke={strategyColors.hybrid}
            strokeDasharray="4 4"
            label={{ ...markLabel(`crossover ${formatUsers(crossover)}`), position: "insideBottomRight" }}
          />
        ) : null}
      </LineChart>
    </ChartFrame>
  );
}
