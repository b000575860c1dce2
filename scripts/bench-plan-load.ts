/**
 * /plan on a slow phone: with Chromium's CPU slowed 4× (CDP Emulation.setCPUThrottlingRate),
 * the time from navigation to (1) the answer painted (first contentful paint; the answer
 * is in the server's HTML) and (2) a first keystroke handled (a digit typed into the
 * monthly-active-users field as soon as the page has loaded, until the 3-year TCO shows
 * another figure and the frame after it), against a blank page's load (`/api/health`,
 * navigation to its load event) measured the same way in the same run. Also the keystroke's
 * own time, from its keydown (the event's timeStamp, so time queued behind other work
 * counts) to that frame: what hydration, the engine and the schema still owe it.
 *
 *   npm run bench:plan-load [-- --rounds 5] [--url http://127.0.0.1:3000] [--vs http://127.0.0.1:3001]
 *
 * `--vs` measures a second server (another build) in the same rounds, the two taking turns.
 * `--hydrated` presses the key only once React has hydrated the field (it waits for that after
 * the load event): the keystroke's own cost without the hydration a key pressed earlier forces.
 *
 * Also the long tasks (≥ 50 ms, PerformanceObserver "longtask") from navigation to that
 * frame: how many, their sum and the longest.
 *
 *   npm run bench:plan-load -- --profile [--min-ms 50]
 *
 * traces one more load (after the measured ones) and lists each long task until the
 * keystroke is shown with what it ran (scripts/bench/long-task-profile.ts); frames are
 * named by source file when the build has source maps (`PROFILE_SOURCE_MAPS=1
 * NEXT_DIST_DIR=.next-profile npx next build`, then run with the same NEXT_DIST_DIR).
 *
 * Without --url it serves the production build over a fresh seeded database.
 */
import type { Browser } from "playwright-core";
import { longTasks, printLongTasks, startTrace } from "./bench/long-task-profile";
import { runScript } from "./bench/run-script";
import { flag } from "./bench/flags";
import { measureInTurns, median, printRatioRow, slowPage, SLOWDOWN } from "./bench/slow-cpu-pages";

const HYDRATED = process.argv.includes("--hydrated");

interface PlanLoad {
  painted: number;
  /** The load event's end: the keystroke is pressed after it (and Playwright's round trips). */
  loaded: number;
  /** The first keystroke's keydown, as the page's event saw it. */
  keyDown: number;
  keystroke: number;
  keyToFrame: number;
  /** Long tasks from navigation to the keystroke's frame: count, sum and longest, ms. */
  longTasks: { count: number; sum: number; longest: number };
}

async function planLoad(browser: Browser, baseUrl: string, profile?: { minMs: number; distDir: string }): Promise<PlanLoad> {
  const { page, cdp } = await slowPage(browser);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; ms: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const endTrace = profile ? await startTrace(cdp) : null;
  await page.goto(`${baseUrl}/plan`, { waitUntil: "load" });
  if (HYDRATED)
    await page.waitForFunction(
      () => {
        const field = document.querySelector('[data-testid="input-mau"]');
        return field !== null && Object.keys(field).some((key) => key.startsWith("__reactFiber$"));
      },
      undefined,
      { polling: 20 },
    );
  // One round trip from the load event to the key press, and no locator: Playwright's
  // locators compile its injected script in the page (50-70 ms on the slowed CPU), a cost of
  // the tool that a person's keystroke does not pay.
  const { painted, loaded, first } = await page.evaluate(() => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="input-mau"]')!;
    field.focus();
    // The field is selected whole and its first digit replaced: a new value whatever it held.
    field.setSelectionRange(0, 1);
    const tco = document.querySelector('[data-testid="rec-tco"]')!;
    const before = tco.textContent;
    const w = window as unknown as { handled: Promise<number>; keyDownAt: number };
    document.addEventListener("keydown", (e) => (w.keyDownAt ??= e.timeStamp), { capture: true, once: true });
    w.handled = new Promise((resolve) => {
      new MutationObserver(() => {
        if (tco.textContent !== before)
          requestAnimationFrame(() => {
            performance.mark("keystroke-shown");
            resolve(performance.now());
          });
      }).observe(tco, { childList: true, subtree: true, characterData: true });
    });
    return {
      painted: performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? NaN,
      loaded: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
      first: field.value.replace(/[^0-9]/g, "")[0],
    };
  });
  await page.keyboard.press(first === "9" ? "8" : "9");
  const { keystroke, keyToFrame, keyDown, tasks } = await page.evaluate(async () => {
    const w = window as unknown as { handled: Promise<number>; keyDownAt: number; longTasks: { start: number; ms: number }[] };
    const frame = await w.handled;
    // The task that painted the frame ends after it: wait for its entry.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { keystroke: frame, keyToFrame: frame - w.keyDownAt, keyDown: w.keyDownAt, tasks: w.longTasks.filter((t) => t.start < frame) };
  });
  if (endTrace && profile) {
    const events = await endTrace();
    console.log(`\n/plan's long tasks (≥ ${profile.minMs} ms) until the first keystroke is shown, CPU slowed ${SLOWDOWN}×:`);
    printLongTasks(longTasks(events, `${baseUrl}/plan`, "keystroke-shown", profile.minMs, profile.distDir));
  }
  await page.context().close();
  const ms = tasks.map((t) => t.ms);
  return {
    painted,
    loaded,
    keyDown,
    keystroke,
    keyToFrame,
    longTasks: { count: ms.length, sum: ms.reduce((a, b) => a + b, 0), longest: Math.max(0, ...ms) },
  };
}

/** Each load's figures, gathered over the rounds. */
class Series {
  painted: number[] = [];
  loaded: number[] = [];
  keyDown: number[] = [];
  keystroke: number[] = [];
  keyToFrame: number[] = [];
  taskCount: number[] = [];
  taskSum: number[] = [];
  taskLongest: number[] = [];

  add(plan: PlanLoad): void {
    this.painted.push(plan.painted);
    this.loaded.push(plan.loaded);
    this.keyDown.push(plan.keyDown);
    this.keystroke.push(plan.keystroke);
    this.keyToFrame.push(plan.keyToFrame);
    this.taskCount.push(plan.longTasks.count);
    this.taskSum.push(plan.longTasks.sum);
    this.taskLongest.push(plan.longTasks.longest);
  }

  print(title: string, base: number): void {
    const row = (label: string, values: number[]) => printRatioRow(label, values, base, 28);
    console.log(title);
    row("/plan answer painted (FCP)", this.painted);
    row("/plan load event", this.loaded);
    row("/plan key down", this.keyDown);
    row("/plan first keystroke shown", this.keystroke);
    row("  of which key down → shown", this.keyToFrame);
    console.log(
      `  long tasks (≥ 50 ms) until the keystroke is shown: ${median(this.taskCount)} of them, ${median(this.taskSum).toFixed(0)} ms in all, the longest ${median(this.taskLongest).toFixed(0)} ms`,
    );
  }
}

async function main() {
  const rounds = Number(flag("rounds") ?? 5);
  const profileFlag = process.argv.includes("--profile");
  // `--vs`: another server (another build) measured in the same rounds, its loads taking turns
  // with this one's, so that on a shared machine a before/after sees the same load.
  await measureInTurns("bench-plan-load", rounds, (browser, url) => planLoad(browser, url), async (turns) => {
    const { blank, baseUrl, vsUrl, browser } = turns;
    const plans = new Series();
    const vsPlans = new Series();
    turns.loads.forEach((load) => plans.add(load));
    turns.vsLoads.forEach((load) => vsPlans.add(load));
    const base = median(blank);
    console.log(
      `/plan with the CPU slowed ${SLOWDOWN}×, medians of ${rounds} loads (ms from navigation start)${HYDRATED ? ", the key pressed once the field has hydrated" : ""}`,
    );
    console.log(`  blank page loaded            ${base.toFixed(0).padStart(6)}   1.0×`);
    plans.print(vsUrl ? `${baseUrl}:` : "", base);
    if (vsUrl) vsPlans.print(`${vsUrl} (--vs):`, base);
    if (profileFlag) await planLoad(browser, baseUrl, { minMs: Number(flag("min-ms") ?? 50), distDir: process.env.NEXT_DIST_DIR ?? ".next" });
  });
}

runScript(main);
