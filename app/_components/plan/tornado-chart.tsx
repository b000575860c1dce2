"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
  type YAxisTickContentProps,
} from "recharts";
import { formatUsd, formatUsdExact, formatUsdTick } from "@/lib/format/numbers";
import { formatUsdDelta, type TornadoRow, type TornadoSeries } from "@/lib/plan-view/tornado";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { ChartTooltip, TooltipItem } from "@/app/_components/charts/chart-tooltip";
import { markerColor, tornadoColors } from "@/app/_components/charts/palette";
import { axisTick, gridDash, markLabel } from "@/app/_components/charts/theme";

const BAR_SIZE = 18;
const TITLE = "What moves the hybrid's savings: each input 25% lower and higher";

function TornadoTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as TornadoRow | undefined;
  if (!active || !row) return null;
  return (
    <ChartTooltip title={row.label}>
      <div className="muted">as entered: {row.baseText}</div>
      <ul>
        <TooltipItem color={tornadoColors.low}>
          {row.lowText}: savings {formatUsdExact(row.savingsAtLowUsd)} ({formatUsdDelta(row.lowDeltaUsd)})
        </TooltipItem>
        <TooltipItem color={tornadoColors.high}>
          {row.highText}: savings {formatUsdExact(row.savingsAtHighUsd)} ({formatUsdDelta(row.highDeltaUsd)})
        </TooltipItem>
      </ul>
    </ChartTooltip>
  );
}

/** The input's name, and under it the two values tried, so the axis reads without the tooltip. */
function InputTick({ x, y, payload, index, rows }: YAxisTickContentProps & { rows: TornadoRow[] }) {
  const row = rows[index];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" className="tornado-tick">
      <tspan x={Number(x)} dy={-2} fontSize={11}>
        {String(payload.value)}
      </tspan>
      {row ? (
        <tspan x={Number(x)} dy={13} fontSize={10} className="tornado-tick-range">
          {row.lowText} / {row.highText}
        </tspan>
      ) : null}
    </text>
  );
}

/**
 * Horizontal bars diverging from the base savings (the hybrid against cloud-only at
 * the scenario's values): per input, the savings with it 25% lower and 25% higher.
 */
export function TornadoChart({ series }: { series: TornadoSeries }) {
  const base = series.baseSavingsUsd;
  const top = series.shown[0];
  const baseText = `${formatUsdExact(base)} as entered`;
  return (
    <ChartFrame
      title={TITLE}
      testId="chart-tornado"
      ariaLabel={
        top
          ? `Tornado chart of the hybrid's savings against cloud-only, ${baseText}, with each input 25% lower and higher. ` +
            `${top.label} moves them most: from ${formatUsd(top.savingsAtLowUsd)} to ${formatUsd(top.savingsAtHighUsd)}.`
          : `No tornado chart: ${series.empty ?? ""}`
      }
      height={series.heightPx}
      note={
        series.empty === null ? (
          <>
            <ul className="chart-legend">
              <li>
                <span className="swatch" style={{ background: tornadoColors.low }} />
                input 25% lower
              </li>
              <li>
                <span className="swatch" style={{ background: tornadoColors.high }} />
                input 25% higher
              </li>
            </ul>
            Bars start at the hybrid&apos;s savings against cloud-only as entered ({formatUsdExact(base)}, dashed line); under each
            input, the two values tried, the rest held.
            {series.noEffect.length > 0 ? ` No effect at ±25%: ${series.noEffect.join("; ")}.` : ""}
          </>
        ) : undefined
      }
      empty={
        series.empty !== null ? (
          <p className="empty chart-empty" data-testid="tornado-empty">
            {series.empty}
          </p>
        ) : undefined
      }
    >
      <BarChart
        data={series.shown}
        layout="vertical"
        margin={{ top: 20, right: 24, bottom: 8, left: 8 }}
        barSize={BAR_SIZE}
        // Minus the bar size: the two bars of an input share one line (their ranges never overlap).
        barGap={-BAR_SIZE}
      >
        <CartesianGrid strokeDasharray={gridDash} horizontal={false} />
        <XAxis type="number" domain={series.axis.domain} ticks={series.axis.ticks} tickFormatter={formatUsdTick} tick={axisTick} />
        <YAxis
          type="category"
          dataKey="category"
          width={190}
          interval={0}
          tick={(props: YAxisTickContentProps) => <InputTick {...props} rows={series.shown} />}
        />
        <Tooltip content={(props) => <TornadoTooltip {...props} />} cursor={{ fillOpacity: 0.08 }} />
        <Bar dataKey="lowBar" name="input 25% lower" fill={tornadoColors.low} isAnimationActive={false} />
        <Bar dataKey="highBar" name="input 25% higher" fill={tornadoColors.high} isAnimationActive={false} />
        <ReferenceLine
          x={base}
          stroke={markerColor}
          strokeDasharray="4 3"
          label={markLabel(baseText)}
        />
      </BarChart>
    </ChartFrame>
  );
}
