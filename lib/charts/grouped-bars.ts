/**
 * A grouped bar chart's geometry, for drawing it as plain SVG on the server (the home
 * page ships no script): one band per category, one bar slot per series in each band
 * (a missing value leaves its slot empty, so a series keeps its place), a y axis from 0 in
 * nice steps, and the category labels turned up to the left under their bands.
 *
 * The server cannot measure text, so a label's width is estimated from its characters;
 * the left and bottom margins make room for the longest turned label and the y axis.
 * Positions are in the SVG's user units, rounded to 0.01.
 */
import { formatFigure } from "@/lib/format/numbers";
import { niceAxis } from "@/lib/plan-view/nice-scale";

export interface GroupedBarOptions {
  /** The drawing's width and height in user units (the SVG's viewBox). */
  width?: number;
  height?: number;
  fontSizePx?: number;
  /** How far the category labels are turned, counter-clockwise. */
  labelAngleDeg?: number;
}

export interface GroupedBar {
  category: string;
  series: string;
  seriesIndex: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GroupedBarLayout {
  width: number;
  height: number;
  fontSizePx: number;
  labelAngleDeg: number;
  plot: { left: number; top: number; width: number; height: number };
  yTicks: { value: number; y: number; label: string }[];
  /** Where the y axis' title is centred, turned up (−90°) beside the ticks' figures. */
  yTitle: { x: number; y: number };
  /** Each category's band centre, and where its turned label is anchored (its end). */
  categories: { name: string; label: string; x: number; labelY: number }[];
  bars: GroupedBar[];
  /** The series in colour order: series i is drawn with colour i. */
  legend: { series: string; seriesIndex: number }[];
}

const TOP = 8;
const RIGHT = 16;
/** Room for the y ticks' figures and the turned axis title. */
const Y_AXIS_WIDTH = 56;
/** From the y axis to the turned title's baseline: past the ticks' figures (up to "1,000"). */
const Y_TITLE_OFFSET = 46;
/** From the plot's bottom edge to a category label's anchor. */
const LABEL_OFFSET = 10;
/** Room kept left of the leftmost label's start. */
const EDGE = 2;
/** An average character of the sans-serif font, in ems (an overestimate keeps labels in). */
const CHAR_EM = 0.55;
/** Longer names are cut with "…" (the bars' titles keep them whole). */
const MAX_LABEL_CHARS = 32;
/** Of each band, the share left empty on either side of its bars. */
const BAND_PADDING = 0.1;
const BAR_GAP = 4;

const round2 = (x: number) => Math.round(x * 100) / 100;

function shortLabel(name: string): string {
  return name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1)}…` : name;
}

/**
 * `rows` holds one record per category (`category` its name) with a number per series key,
 * as lib/charts/pivot.ts makes them; values that are not finite or below 0 are not drawn.
 */
export function groupedBarLayout(
  rows: readonly Record<string, string | number>[],
  seriesKeys: readonly string[],
  options: GroupedBarOptions = {},
): GroupedBarLayout {
  const width = options.width ?? 1152;
  const height = options.height ?? 360;
  const fontSizePx = options.fontSizePx ?? 12;
  const labelAngleDeg = options.labelAngleDeg ?? 30;
  const angle = (labelAngleDeg * Math.PI) / 180;
  const n = rows.length;
  const labels = rows.map((row) => shortLabel(String(row.category)));
  const labelWidths = labels.map((label) => label.length * CHAR_EM * fontSizePx);

  // A turned label reaches down w·sin(a), plus its own height, and left w·cos(a) of its band's
  // centre. The centre of band i is left + (i + ½)/n of the plot's width, so label i starts at
  // or right of EDGE when left·(1 − f) + f·(width − RIGHT) − w·cos(a) ≥ EDGE, f = (i + ½)/n.
  const bottom = Math.ceil(LABEL_OFFSET + Math.max(0, ...labelWidths.map((w) => w * Math.sin(angle))) + fontSizePx);
  let left = Y_AXIS_WIDTH;
  labelWidths.forEach((w, i) => {
    const f = (i + 0.5) / n;
    left = Math.max(left, Math.ceil((w * Math.cos(angle) + EDGE - f * (width - RIGHT)) / (1 - f)));
  });

  const plot = { left, top: TOP, width: width - left - RIGHT, height: height - TOP - bottom };
  const values = rows.flatMap((row) => seriesKeys.map((key) => row[key]));
  const drawable = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
  const axis = niceAxis(Math.max(0, ...values.filter(drawable)), 5);
  const yOf = (v: number) => plot.top + plot.height * (1 - v / axis.top);

  const band = n > 0 ? plot.width / n : 0;
  const inner = band * (1 - 2 * BAND_PADDING);
  const s = seriesKeys.length;
  const gap = s > 1 ? Math.min(BAR_GAP, inner / s / 4) : 0;
  const barWidth = s > 0 ? (inner - gap * (s - 1)) / s : 0;

  const bars: GroupedBar[] = [];
  rows.forEach((row, i) => {
    const bandLeft = plot.left + i * band + band * BAND_PADDING;
    seriesKeys.forEach((series, j) => {
      const value = row[series];
      if (!drawable(value)) return;
      const y = yOf(value);
      bars.push({
        category: String(row.category),
        series,
        seriesIndex: j,
        value,
        x: round2(bandLeft + j * (barWidth + gap)),
        y: round2(y),
        width: round2(barWidth),
        height: round2(plot.top + plot.height - y),
      });
    });
  });

  return {
    width,
    height,
    fontSizePx,
    labelAngleDeg,
    plot: { left: plot.left, top: plot.top, width: round2(plot.width), height: round2(plot.height) },
    yTicks: axis.ticks.map((value) => ({ value, y: round2(yOf(value)), label: formatFigure(value) })),
    yTitle: { x: plot.left - Y_TITLE_OFFSET, y: round2(plot.top + plot.height / 2) },
    categories: rows.map((row, i) => ({
      name: String(row.category),
      label: labels[i]!,
      x: round2(plot.left + (i + 0.5) * band),
      labelY: plot.top + plot.height + LABEL_OFFSET,
    })),
    bars,
    legend: seriesKeys.map((series, seriesIndex) => ({ series, seriesIndex })),
  };
}
