/**
 * What the page-load benches (bench-plan-load.ts, bench-home-load.ts) share: Chromium with its
 * CPU slowed 4× (CDP Emulation.setCPUThrottlingRate, a mid-range phone), the blank page's load
 * their figures are divided by, and rounds that take turns between two servers (two builds), so
 * that on a shared machine a before/after sees the same load.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { startApp } from "./app-server";
import { flag } from "./flags";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SLOWDOWN = 4;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A line of a bench's table: the median in ms and its ratio to the blank page's load. */
export function printRatioRow(label: string, values: number[], base: number, width: number): void {
  console.log(`  ${label.padEnd(width)} ${median(values).toFixed(0).padStart(6)}   ${(median(values) / base).toFixed(1)}×`);
}

/** A page of its own (a fresh context: no cache) with the CPU slowed. */
export async function slowPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  return { page, cdp };
}

/** Navigation start to the load event of a page without script. */
export async function blankLoad(browser: Browser, baseUrl: string): Promise<number> {
  const { page } = await slowPage(browser);
  await page.goto(`${baseUrl}/api/health`, { waitUntil: "load" });
  const ms = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.context().close();
  return ms;
}

export interface TakingTurns<T> {
  /** The blank page's loads, one a round. */
  blank: number[];
  loads: T[];
  vsLoads: T[];
  baseUrl: string;
  vsUrl: string | undefined;
  /** Still open while the report runs (e.g. for one more, traced, load). */
  browser: Browser;
}

/**
 * `rounds` rounds of a blank load and one `measure` of each server, the two taking turns at
 * going first, after one unmeasured round each (the servers' caches and compiled routes warm).
 * Serves the production build over a fresh seeded database unless `--url` names a server;
 * `--vs` names the second one. `report` is given the figures before the browser and the
 * server close.
 */
export async function measureInTurns<T>(
  name: string,
  rounds: number,
  measure: (browser: Browser, baseUrl: string) => Promise<T>,
  report: (turns: TakingTurns<T>) => Promise<void> | void,
): Promise<void> {
  const vsUrl = flag("vs");
  let baseUrl = flag("url");
  const dir = baseUrl ? null : mkdtempSync(join(tmpdir(), `${name}-`));
  const server = dir ? await startApp(process.cwd(), `file:${join(dir, "bench.db")}`) : null;
  baseUrl ??= server!.baseUrl;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
  });
  try {
    await blankLoad(browser, baseUrl);
    await measure(browser, baseUrl);
    if (vsUrl) await measure(browser, vsUrl);
    const turns: TakingTurns<T> = { blank: [], loads: [], vsLoads: [], baseUrl, vsUrl, browser };
    for (let i = 0; i < rounds; i++) {
      turns.blank.push(await blankLoad(browser, baseUrl));
      const first = i % 2 === 0 || !vsUrl;
      if (first) turns.loads.push(await measure(browser, baseUrl));
      if (vsUrl) turns.vsLoads.push(await measure(browser, vsUrl));
      if (!first) turns.loads.push(await measure(browser, baseUrl));
    }
    await report(turns);
  } finally {
    await browser.close();
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
