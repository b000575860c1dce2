import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner } from "./plan-page";

/** Each drawn strategy line of a chart: its stroke as painted, its dash, and the legend's names. */
async function strategyLinesOf(page: Page, testId: string) {
  const chart = page.getByTestId(testId);
  await chart.locator("path.recharts-line-curve").nth(2).waitFor();
  const lines = await chart.locator("path.recharts-line-curve").evaluateAll((paths) =>
    paths.map((p) => ({ stroke: getComputedStyle(p).stroke, dash: p.getAttribute("stroke-dasharray"), drawn: (p.getAttribute("d") ?? "").length > 0 })),
  );
  const legend = await chart.locator(".recharts-legend-item-text").allInnerTexts();
  return { lines, legend };
}

// globals.css: --chart-cloud, --chart-hybrid, --chart-edge, light and dark.
const light = ["rgb(37, 99, 235)", "rgb(13, 148, 136)", "rgb(234, 88, 12)"]; // #2563eb #0d9488 #ea580c
const dark = ["rgb(96, 165, 250)", "rgb(45, 212, 191)", "rgb(251, 146, 60)"]; // #60a5fa #2dd4bf #fb923c

describe.skipIf(!baseUrl)("the plan's strategy line charts", () => {
  const browser = browserForBlock();

  for (const [scheme, colours] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it(`draws cloud-only, hybrid and edge-only in the palette's ${scheme} colours on both charts, edge-only dashed against the MAU`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      await openPlanner(page);

      const cumulative = await strategyLinesOf(page, "chart-cumulative-tco");
      expect(cumulative.legend).toEqual(["Cloud-only", "Hybrid", "Edge-only"]);
      expect(cumulative.lines.map((l) => l.stroke)).toEqual(colours);
      expect(cumulative.lines.map((l) => l.dash)).toEqual([null, null, null]);
      expect(cumulative.lines.every((l) => l.drawn)).toBe(true);

      const byMau = await strategyLinesOf(page, "chart-tco-by-mau");
      expect(byMau.legend).toEqual(["Cloud-only", "Hybrid", "Edge-only"]);
      expect(byMau.lines.map((l) => l.stroke)).toEqual(colours);
      expect(byMau.lines.map((l) => l.dash)).toEqual([null, null, "6 3"]);
      expect(byMau.lines.every((l) => l.drawn)).toBe(true);
    });
  }
});
