"use client";

import { Bar, BarChart, Tooltip, XAxis, YAxis } from "recharts";
import { COVERAGE_LABELS, COVERAGE_SEGMENTS, type CoverageSeries } from "@/lib/plan-view/coverage";
import { formatShare } from "@/lib/format/numbers";
import { ChartFrame } from "@/app/_components/charts/chart-frame";
import { coverageColors as segmentColors } from "@/app/_components/charts/palette";
import { tooltipStyle } from "@/app/_components/charts/theme";

const HEIGHT = 72;

export function CoverageChart({ series, variantName }: { series: CoverageSeries; variantName: string }) {
  return (
    <ChartFrame
      title="Coverage: whose phones can run the model"
      testId="chart-coverage"
      ariaLabel={`${formatShare(series.capableShare)} of users have phones that can run ${variantName}.`}
      height={HEIGHT}
      note={
        <>
          <p className="coverage-headline" data-testid="coverage-share">
            <b>{formatShare(series.capableShare)}</b> of users have phones that can run {variantName}.
          </p>
          <ul className="chart-legend">
            {COVERAGE_SEGMENTS.map((segment) => (
              <li key={segment}>
                <span className="swatch" style={{ background: segmentColors[segment] }} />
                {COVERAGE_LABELS[segment]}: {formatShare(series.row[segment])}
                {series.members[segment].length > 0 ? <span className="muted"> ({series.members[segment].join(", ")})</span> : null}
              </li>
            ))}
          </ul>
        </>
      }
    >
      <BarChart data={[series.row]} layout="vertical" margin={{ top: 8, right: 8, bottom: 8, left: 8 }} barSize={36}>
        <XAxis type="number" domain={[0, 1]} hide />
        <YAxis type="category" dataKey="category" hide />
        <Tooltip contentStyle={tooltipStyle} formatter={(v) => formatShare(Number(v))} cursor={false} />
        {COVERAGE_SEGMENTS.map((segment) => (
          <Bar
            key={segment}
            dataKey={segment}
            name={COVERAGE_LABELS[segment]}
            stackId="users"
            fill={segmentColors[segment]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
