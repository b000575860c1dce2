/**
 * The home page `/` on a slow phone: with Chromium's CPU slowed 4× (CDP
 * Emulation.setCPUThrottlingRate), from navigation start to its first contentful paint, its
 * load event, the decode chart's first bar in the document and the main thread's last long
 * task (≥ 50 ms) once the network is idle, with the JavaScript it downloaded, against a blank
 * page's load (`/api/health`) measured the same way in the same run.
 *
 *   npm run bench:home-load -- [--rounds 10] [--url http://127.0.0.1:3000] [--vs http://127.0.0.1:3001]
 *
 * `--vs` measures a second server (another build) in the same rounds, the two taking turns.
 * Without --url it serves the production build over a fresh seeded database.
 */
import type { Browser } from "playwright-core";
import { runScript } from "./bench/run-script";
import { flag } from "./bench/flags";
import { measureInTurns, median, printRatioRow, slowPage, SLOWDOWN } from "./bench/slow-cpu-pages";

/** A bar of the chart: an SVG rect drawn by the server, or a Recharts bar drawn after paint. */
const BAR = '[data-testid="decode-chart"] svg rect, [data-testid="decode-chart"] .recharts-bar-rectangle';

interface HomeLoad {
  painted: number;
  loaded: number;
  chartDrawn: number;
  /** The end of the last long task before the network went idle (0 when there was none). */
  busyUntil: number;
  longTaskSum: number;
  scriptKB: number;
}

async function homeLoad(browser: Browser, baseUrl: string): Promise<HomeLoad> {
  const { page } = await slowPage(browser);
  await page.addInitScript((bar) => {
    const w = window as unknown as { longTasks: { end: number; ms: number }[]; chartDrawn?: number };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ end: e.startTime + e.duration, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector(bar)) {
        w.chartDrawn = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, BAR);
  await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
  await page.waitForSelector(BAR, { state: "attached" });
  const result = await page.evaluate(() => {
    const w = window as unknown as { longTasks: { end: number; ms: number }[]; chartDrawn: number };
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"));
    return {
      painted: performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? NaN,
      loaded: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
      chartDrawn: w.chartDrawn,
      busyUntil: Math.max(0, ...w.longTasks.map((t) => t.end)),
      longTaskSum: w.longTasks.reduce((sum, t) => sum + t.ms, 0),
      scriptKB: scripts.reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0) / 1024,
    };
  });
  await page.context().close();
  return result;
}

function print(title: string, loads: HomeLoad[], base: number): void {
  const row = (label: string, values: number[]) => printRatioRow(label, values, base, 30);
  console.log(title);
  row("/ first contentful paint", loads.map((l) => l.painted));
  row("/ load event", loads.map((l) => l.loaded));
  row("/ chart's first bar in the DOM", loads.map((l) => l.chartDrawn));
  row("/ last long task's end", loads.map((l) => l.busyUntil));
  console.log(
    `  long tasks (≥ 50 ms) ${median(loads.map((l) => l.longTaskSum)).toFixed(0)} ms in all; JavaScript downloaded ${median(loads.map((l) => l.scriptKB)).toFixed(1)} KB (as sent)`,
  );
}

async function main() {
  const rounds = Number(flag("rounds") ?? 10);
  await measureInTurns("bench-home-load", rounds, homeLoad, ({ blank, loads, vsLoads, baseUrl, vsUrl }) => {
    const base = median(blank);
    console.log(`/ with the CPU slowed ${SLOWDOWN}×, medians of ${rounds} loads (ms from navigation start)`);
    console.log(`  blank page loaded              ${base.toFixed(0).padStart(6)}   1.0×`);
    print(vsUrl ? `${baseUrl}:` : "", loads, base);
    if (vsUrl) print(`${vsUrl} (--vs):`, vsLoads, base);
  });
}

runScript(main);
