import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupedBarLayout } from "@/lib/charts/grouped-bars";

const COS_30 = Math.cos(Math.PI / 6);

describe("groupedBarLayout", () => {
  it("places one band per category, one slot per series, on a y axis from 0 in nice steps", () => {
    const layout = groupedBarLayout(
      [
        { category: "A", s1: 30, s2: 60 },
        { category: "B", s1: 45 },
      ],
      ["s1", "s2"],
      { width: 400, height: 300 },
    );
    // bottom: 10 (offset) + "B" 1 char × 0.55 × 12 px = 6.6 px × sin 30° = 3.3 + 12 (its height) = 25.3 → 26
    // left: the y axis' 56 px (the one-letter labels need no more)
    expect(layout.plot).toEqual({ left: 56, top: 8, width: 328, height: 266 }); // 400 − 56 − 16; 300 − 8 − 26
    // max 60 → step niceCeil(60 / 5 = 12) = 20 → 0, 20, 40, 60; y = 8 + 266 × (1 − v / 60)
    expect(layout.yTicks).toEqual([
      { value: 0, y: 274, label: "0" },
      { value: 20, y: 185.33, label: "20" }, // 8 + 177.33
      { value: 40, y: 96.67, label: "40" }, // 8 + 88.67
      { value: 60, y: 8, label: "60" },
    ]);
    // 46 left of the axis, halfway down the plot: 8 + 266 / 2
    expect(layout.yTitle).toEqual({ x: 10, y: 141 });
    // band 328 / 2 = 164; padding 16.4 each side; inner 131.2; gap 4; bar (131.2 − 4) / 2 = 63.6
    expect(layout.bars).toEqual([
      { category: "A", series: "s1", seriesIndex: 0, value: 30, x: 72.4, y: 141, width: 63.6, height: 133 }, // 56 + 16.4; 8 + 266 / 2
      { category: "A", series: "s2", seriesIndex: 1, value: 60, x: 140, y: 8, width: 63.6, height: 266 }, // 72.4 + 63.6 + 4
      // B has no s2: its slot stays empty and s1 keeps its place. 56 + 164 + 16.4; 8 + 266 × ¼
      { category: "B", series: "s1", seriesIndex: 0, value: 45, x: 236.4, y: 74.5, width: 63.6, height: 199.5 },
    ]);
    // centres 56 + 82 and 56 + 246; labels anchored 10 under the plot's bottom (8 + 266)
    expect(layout.categories).toEqual([
      { name: "A", label: "A", x: 138, labelY: 284 },
      { name: "B", label: "B", x: 302, labelY: 284 },
    ]);
    expect(layout.legend).toEqual([
      { series: "s1", seriesIndex: 0 },
      { series: "s2", seriesIndex: 1 },
    ]);
  });

  it("widens the left margin until the first turned label starts inside the drawing", () => {
    const long = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"; // 30 chars → 198 px, 171.47 px across at 30°
    const layout = groupedBarLayout(
      [long, "b", "c", "d"].map((category) => ({ category, s: 1 })),
      ["s"],
      { width: 600, height: 360 },
    );
    // left·(1 − ⅛) + ⅛ × (600 − 16) − 171.47 ≥ 2 → left ≥ (173.47 − 73) / 0.875 = 114.83 → 115
    expect(layout.plot.left).toBe(115);
    // bottom: 10 + 198 × sin 30° = 99 + 12 = 121 → height 360 − 8 − 121 = 231
    expect(layout.plot).toEqual({ left: 115, top: 8, width: 469, height: 231 });
    // the y axis' title follows the axis: 115 − 46
    expect(layout.yTitle.x).toBe(69);
    // the label's start: its centre 115 + ½ × 469 / 4 = 173.625 (kept as 173.63) − 171.47 = 2.16
    expect(layout.categories[0]!.x).toBe(173.63);
    expect(layout.categories[0]!.x - 198 * COS_30).toBeCloseTo(2.16, 2);
  });

  it("cuts a name past 32 characters in the label and keeps it whole in the name", () => {
    const name = "A model whose name runs on and on past any axis";
    const layout = groupedBarLayout([{ category: name, s: 2 }], ["s"]);
    expect(layout.categories[0]!.name).toBe(name);
    expect(layout.categories[0]!.label).toBe("A model whose name runs on and …");
    expect(layout.categories[0]!.label).toHaveLength(32);
    expect(layout.bars[0]!.category).toBe(name);
  });

  it("draws no bar for a value that is missing, not finite or below 0, and still draws an axis", () => {
    const layout = groupedBarLayout(
      [{ category: "x", a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -1, d: "7" }],
      ["a", "b", "c", "d", "e"],
      { width: 400, height: 300 },
    );
    expect(layout.bars).toEqual([]);
    // niceAxis(0): one step of 0.25
    expect(layout.yTicks.map((t) => t.label)).toEqual(["0", "0.25"]);
    expect(layout.legend).toHaveLength(5);
  });

  it("keeps every bar inside the plot and inside its own band", () => {
    const rowsArb = fc.array(
      fc.record({
        category: fc.string({ minLength: 1, maxLength: 50 }),
        p: fc.double({ min: 0, max: 1e6, noNaN: true }),
        q: fc.double({ min: 0, max: 1e6, noNaN: true }),
        r: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const distinct = rows.map((row, i) => ({ ...row, category: `${i}${row.category}` }));
        const layout = groupedBarLayout(distinct, ["p", "q", "r"]);
        const { plot } = layout;
        const band = plot.width / distinct.length;
        expect(plot.height).toBeGreaterThan(100);
        expect(layout.bars).toHaveLength(distinct.length * 3);
        layout.bars.forEach((bar, k) => {
          const i = Math.floor(k / 3);
          expect(bar.x).toBeGreaterThanOrEqual(plot.left + i * band - 0.01);
          expect(bar.x + bar.width).toBeLessThanOrEqual(plot.left + (i + 1) * band + 0.02);
          expect(bar.y).toBeGreaterThanOrEqual(plot.top - 0.01);
          expect(bar.y + bar.height).toBeCloseTo(plot.top + plot.height, 1);
        });
      }),
      { numRuns: 200 },
    );
  });
});
