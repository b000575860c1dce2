/**
 * A grouped bar chart drawn as plain SVG from its computed geometry (lib/charts/grouped-bars.ts):
 * no chart library and no script, so it draws with the server's HTML. Each bar's `<title>` is
 * its tooltip. The drawing scales down with its box to MIN_SCALE of its size (text no smaller
 * than 9 px); narrower than that, the chart's own box scrolls sideways, never the page.
 */
import { seriesColor } from "@/app/_components/charts/palette";
import { gridDash } from "@/app/_components/charts/theme";
import { formatFigure } from "@/lib/format/numbers";
import type { GroupedBarLayout } from "@/lib/charts/grouped-bars";

const MIN_SCALE = 0.75;

interface GroupedBarChartProps {
  layout: GroupedBarLayout;
  /** The value's unit: the y axis' title and each bar's tooltip. */
  yLabel: string;
  /** What the series are, for the legend's accessible name. */
  seriesName: string;
  testId: string;
  ariaLabel: string;
}

export function GroupedBarChart({ layout, yLabel, seriesName, testId, ariaLabel }: GroupedBarChartProps) {
  const { plot, fontSizePx } = layout;
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  return (
    <figure className="chart" data-testid={testId}>
      <ul className="chart-legend" aria-label={seriesName} style={{ justifyContent: "center" }}>
        {layout.legend.map((entry) => (
          <li key={entry.series}>
            <span className="swatch" style={{ background: seriesColor(entry.seriesIndex) }} aria-hidden="true" />
            {entry.series}
          </li>
        ))}
      </ul>
      <div className="chart-scroll">
        <svg
          role="img"
          aria-label={ariaLabel}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          style={{ display: "block", width: "100%", height: "auto", minWidth: layout.width * MIN_SCALE }}
          fontSize={fontSizePx}
        >
          <g stroke="var(--border)" strokeDasharray={gridDash}>
            {layout.yTicks.map((tick) => (
              <line key={tick.value} x1={plot.left} x2={right} y1={tick.y} y2={tick.y} />
            ))}
          </g>
          <g stroke="var(--muted)">
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
            <line x1={plot.left} x2={right} y1={bottom} y2={bottom} />
            {layout.yTicks.map((tick) => (
              <line key={tick.value} x1={plot.left - 6} x2={plot.left} y1={tick.y} y2={tick.y} />
            ))}
          </g>
          <g fill="var(--muted)" textAnchor="end">
            {layout.yTicks.map((tick) => (
              <text key={tick.value} x={plot.left - 9} y={tick.y} dy="0.32em">
                {tick.label}
              </text>
            ))}
            {layout.categories.map((c) => (
              <text key={c.name} x={c.x} y={c.labelY} dy="0.71em" transform={`rotate(${-layout.labelAngleDeg} ${c.x} ${c.labelY})`}>
                {c.label !== c.name ? <title>{c.name}</title> : null}
                {c.label}
              </text>
            ))}
          </g>
          <text
            fill="var(--muted)"
            textAnchor="middle"
            x={layout.yTitle.x}
            y={layout.yTitle.y}
            transform={`rotate(-90 ${layout.yTitle.x} ${layout.yTitle.y})`}
          >
            {yLabel}
          </text>
          <g>
            {layout.bars.map((bar) => (
              <rect key={`${bar.category}\u0000${bar.series}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={seriesColor(bar.seriesIndex)}>
                <title>{`${bar.series}, ${bar.category}: ${formatFigure(bar.value)} ${yLabel}`}</title>
              </rect>
            ))}
          </g>
        </svg>
      </div>
    </figure>
  );
}
