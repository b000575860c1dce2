/**
 * How fast does the planner page answer typing?
 *
 *   npx tsx scripts/bench-planner-page.ts http://127.0.0.1:3611 [--keys 40] [--bursts 5]
 *   DATABASE_URL=file:/tmp/perf.db npx tsx scripts/bench-planner-page.ts …   (also times planScenario)
 *
 * Drives headless Chromium (playwright-core; /usr/bin/chromium or $CHROMIUM_PATH) on
 * /plan of a running production build and times, inside the page with performance.now(),
 * from each keydown's timeStamp (so a key queued behind other work pays for the wait) to
 * "the frame": the requestAnimationFrame callback of the first frame after a change, which
 * the browser runs as it starts drawing that frame, once the main thread is free.
 *
 *   - MAU → TCO: one keystroke in the monthly-active-users field (its first digit
 *     selected and replaced, so each keystroke is a new value, 100,000 … 900,000)
 *     until the recommendation's 3-year TCO shows another figure: a MutationObserver
 *     sees the text change ("in the DOM"), then the frame that draws it ("painted").
 *   - MAU → charts: the same keystroke until the lines of the cumulative-cost and
 *     TCO-by-MAU charts have moved, then the frame after (Recharts draws its last pass in
 *     an animation-frame callback, so this can count one frame more than it takes).
 *   - echo: a keystroke until the frame after its `input` event, the one that paints the
 *     field's new text, in the MAU field and in the scenario-name field.
 *   - baseline: a keystroke in a plain <input> the bench adds outside React, until the
 *     frame after: the browser's own floor (about half a frame on average). Ratios divide
 *     by it.
 *   - Event Timing: the browser's own measure of each keystroke above (keydown to the
 *     paint after its handlers, what INP is made of), in 8 ms steps, 16 ms meaning ≤ 16.
 *   - burst: 6-digit numbers typed into the MAU field at 40 ms a key, nothing waited
 *     for between keys (fast typing): each key's echo, and from the last key to the
 *     last change of the TCO and of the charts.
 *   - planScenario, one call in the page, with and without the tornado: only when
 *     DATABASE_URL names the server's database. The engine (lib/model) is bundled here
 *     with esbuild and injected by the bench, and plans the page's own scenario (its
 *     `?s=`) against the dataset snapshot of that database; the app exposes nothing.
 *
 * Keystrokes are measured one at a time, the page idle and past the planner's
 * debounced URL write (250 ms) before each. Headless frames tick at 60 Hz, so frame
 * times move in steps of ~16.7 ms.
 */
import { chromium, type Page } from "playwright-core";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BURST_DELAY_MS = 40;

interface Options {
  baseUrl: string;
  keys: number;
  bursts: number;
}

function parseArgs(argv: string[]): Options {
  const positional = argv.filter((a, i) => !a.startsWith("--") && !(argv[i - 1] ?? "").startsWith("--"));
  const flag = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  const baseUrl = positional[0];
  if (!baseUrl) {
    console.error("usage: npx tsx scripts/bench-planner-page.ts http://127.0.0.1:3611 [--keys 40] [--bursts 5]");
    process.exit(2);
  }
  return { baseUrl: baseUrl.replace(/\/$/, ""), keys: flag("keys", 40), bursts: flag("bursts", 5) };
}

// ---- statistics ----

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

function stats(values: number[]): Stats {
  return { n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95), max: Math.max(...values) };
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "–");

function line(label: string, s: Stats): string {
  return `${label.padEnd(34)} median ${ms(s.median).padStart(9)}   p95 ${ms(s.p95).padStart(9)}   max ${ms(s.max).padStart(9)}   (n=${s.n})`;
}

// ---- in-page probes (installed by the bench, not part of the app) ----

/** When a watched thing changed: in the DOM, and the frame that draws it. ms from the keydown. */
interface Seen {
  dom: number;
  painted: number;
}

/** What one armed keystroke measured, in ms from the keydown's timeStamp. */
interface Probe {
  /** The keydown's timeStamp (performance.now() time), to find the browser's own Event Timing entries. */
  key: number | null;
  /** The frame after the `input` event: the one that paints the field's new text. */
  echo: number | null;
  /** The recommendation's TCO shows another figure. */
  tco: Seen | null;
  /** The charts have redrawn (the lines of the cumulative-cost and TCO-by-MAU charts moved). */
  charts: Seen | null;
}

interface Watch {
  tco: boolean;
  charts: boolean;
}

interface BurstResult {
  /** Per key: keydown to the frame painting the field's new text. */
  echo: number[];
  /** From the last keydown to the frame after the last change of the TCO / the charts. */
  tco: number | null;
  charts: number | null;
}

declare global {
  interface Window {
    __bench?: {
      arm: (watch: Watch, timeoutMs: number) => void;
      result: Promise<Probe>;
      idle: () => Promise<void>;
      /** Starts recording a burst of keys; finish() resolves once the page has been quiet for `quietMs`. */
      startBurst: () => void;
      finishBurst: (quietMs: number) => Promise<BurstResult>;
      /**
       * The browser's Event Timing duration of the keystroke at `key` (keydown to the next
       * paint after its handlers, the metric INP is made of; in 8 ms steps): the longest of
       * its key and input events. Entries under 16 ms are not reported, so 16 means "≤ 16".
       */
      eventDuration: (key: number) => number;
    };
  }
}

/** Installs window.__bench. Passed to page.evaluate, so it must be self-contained. */
function installProbes(): void {
  const TCO_SELECTOR = '[data-testid="rec-tco"]';
  const CHART_LINES =
    '[data-testid="chart-cumulative-tco"] path.recharts-line-curve, [data-testid="chart-tco-by-mau"] path.recharts-line-curve';
  const tcoText = () => document.querySelector(TCO_SELECTOR)?.textContent ?? "";
  const chartSig = () =>
    Array.from(document.querySelectorAll(CHART_LINES))
      .map((p) => p.getAttribute("d") ?? "")
      .join("|");
  // The frame that draws a change: its requestAnimationFrame callback runs as the browser
  // starts it, as soon as the main thread is free (a task still running delays it, and counts).
  // Timing a task posted from the callback would also count whatever React had queued before it.
  const afterFrame = (then: (t: number) => void) => requestAnimationFrame(() => then(performance.now()));
  const observe = (onChange: () => void) => {
    const observer = new MutationObserver(onChange);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["d"] });
    return observer;
  };
  const events: { name: string; start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) events.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
  let resolve: (p: Probe) => void = () => {};
  let burst: { echo: number[]; lastKey: number; tco: number | null; charts: number | null; lastChange: number; stop: () => void } | null =
    null;

  window.__bench = {
    result: Promise.resolve({ key: null, echo: null, tco: null, charts: null }),
    eventDuration: (key) =>
      Math.max(
        16,
        ...events
          .filter((e) => ["keydown", "keypress", "beforeinput", "input"].includes(e.name) && e.start >= key - 0.5 && e.start < key + 50)
          .map((e) => e.duration),
      ),
    idle: () =>
      new Promise((done) => {
        // Two quiet frames and an idle callback: the page has nothing left to render.
        requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 3000 })));
      }),

    arm(watch, timeoutMs) {
      const probe: Probe = { key: null, echo: null, tco: null, charts: null };
      let t0: number | null = null;
      let echoed = false;
      const tcoBefore = tcoText();
      const chartsBefore = chartSig();
      const finish = () => {
        if (probe.echo === null || (watch.tco && probe.tco === null) || (watch.charts && probe.charts === null)) return;
        cleanup();
        resolve(probe);
      };
      const onKey = (e: KeyboardEvent) => {
        if (t0 === null && e.key.length === 1) t0 = probe.key = e.timeStamp;
      };
      const onInput = () => {
        if (echoed || t0 === null) return;
        echoed = true;
        afterFrame((t) => {
          probe.echo = t - t0!;
          finish();
        });
      };
      let tcoSeen = false;
      let chartsSeen = false;
      const observer = observe(() => {
        if (t0 === null) return;
        const now = performance.now() - t0;
        if (watch.tco && !tcoSeen && tcoText() !== tcoBefore) {
          tcoSeen = true;
          afterFrame((t) => {
            probe.tco = { dom: now, painted: t - t0! };
            finish();
          });
        }
        if (watch.charts && !chartsSeen && chartSig() !== chartsBefore) {
          chartsSeen = true;
          afterFrame((t) => {
            probe.charts = { dom: now, painted: t - t0! };
            finish();
          });
        }
      });
      const timer = setTimeout(() => {
        cleanup();
        resolve(probe);
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        observer.disconnect();
        window.removeEventListener("keydown", onKey, true);
        window.removeEventListener("input", onInput, true);
      };
      window.addEventListener("keydown", onKey, true);
      window.addEventListener("input", onInput, true);
      window.__bench!.result = new Promise<Probe>((r) => (resolve = r));
    },

    startBurst() {
      let pending: number | null = null;
      let tco = tcoText();
      let charts = chartSig();
      const state = {
        echo: [] as number[],
        lastKey: 0,
        tco: null as number | null,
        charts: null as number | null,
        lastChange: performance.now(),
        stop: () => {},
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key.length !== 1) return;
        pending = e.timeStamp;
        state.lastKey = e.timeStamp;
      };
      const onInput = () => {
        const t0 = pending;
        pending = null;
        if (t0 !== null) afterFrame((t) => state.echo.push(t - t0));
      };
      const observer = observe(() => {
        state.lastChange = performance.now();
        const nextTco = tcoText();
        const nextCharts = chartSig();
        if (nextTco !== tco) {
          tco = nextTco;
          afterFrame((t) => (state.tco = t));
        }
        if (nextCharts !== charts) {
          charts = nextCharts;
          afterFrame((t) => (state.charts = t));
        }
      });
      window.addEventListener("keydown", onKey, true);
      window.addEventListener("input", onInput, true);
      state.stop = () => {
        observer.disconnect();
        window.removeEventListener("keydown", onKey, true);
        window.removeEventListener("input", onInput, true);
      };
      burst = state;
    },

    finishBurst(quietMs) {
      const state = burst!;
      return new Promise((done) => {
        const check = () =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              requestIdleCallback(
                () => {
                  if (performance.now() - state.lastChange < quietMs) return check();
                  state.stop();
                  done({
                    echo: state.echo,
                    tco: state.tco === null ? null : state.tco - state.lastKey,
                    charts: state.charts === null ? null : state.charts - state.lastKey,
                  });
                },
                { timeout: 3000 },
              ),
            ),
          );
        check();
      });
    },
  };
}

const TCO = '[data-testid="rec-tco"]';
const MAU = '[data-testid="input-mau"]';
const NAME = '[data-testid="input-name"]';
const NO_WATCH: Watch = { tco: false, charts: false };

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.__bench!.idle());
}

/** Past the planner's debounced URL write (250 ms) and whatever it re-renders. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await idle(page);
}

/** Arms the probes, runs the keystroke, and returns what they saw. */
async function measure(page: Page, watch: Watch, keystroke: () => Promise<void>): Promise<Probe> {
  await page.evaluate(([w]) => window.__bench!.arm(w, 5000), [watch] as const);
  await keystroke();
  return page.evaluate(() => window.__bench!.result);
}

async function openPlanner(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/plan`);
  await page.locator(TCO).waitFor();
  await page.locator('[data-testid="chart-cumulative-tco"] .recharts-line-curve').first().waitFor();
  await page.evaluate(installProbes);
  await idle(page);
}

/** Digits 1–9 in an order with no digit twice in a row, so every keystroke is a new value. */
function digitSequence(count: number): string[] {
  const order = ["2", "5", "3", "8", "4", "9", "6", "1", "7"];
  return Array.from({ length: count }, (_, i) => order[i % order.length]!);
}

async function benchMau(page: Page, keys: number) {
  const field = page.locator(MAU);
  await field.fill("100000");
  await settle(page);
  const out = { tco: [] as number[], tcoDom: [] as number[], charts: [] as number[], echo: [] as number[], event: [] as number[], missed: 0 };
  for (const digit of digitSequence(keys)) {
    await field.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+ArrowRight");
    await idle(page);
    const probe = await measure(page, { tco: true, charts: true }, () => page.keyboard.press(digit));
    if (probe.echo !== null) out.echo.push(probe.echo);
    if (probe.tco !== null) {
      out.tco.push(probe.tco.painted);
      out.tcoDom.push(probe.tco.dom);
    } else out.missed += 1;
    if (probe.charts !== null) out.charts.push(probe.charts.painted);
    await settle(page);
    if (probe.key !== null) out.event.push(await page.evaluate((k) => window.__bench!.eventDuration(k), probe.key));
  }
  return out;
}

async function benchName(page: Page, keys: number) {
  const field = page.locator(NAME);
  const echo: number[] = [];
  const event: number[] = [];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (let i = 0; i < keys; i++) {
    await field.focus();
    await page.keyboard.press("End");
    await idle(page);
    const probe = await measure(page, NO_WATCH, () => page.keyboard.press(letters[i % letters.length]!));
    if (probe.echo !== null) echo.push(probe.echo);
    await settle(page);
    if (probe.key !== null) event.push(await page.evaluate((k) => window.__bench!.eventDuration(k), probe.key));
  }
  return { echo, event };
}

/** A plain <input> outside React: a keystroke's cost with nothing of the app's behind it. */
async function benchBare(page: Page, keys: number) {
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.id = "bench-bare";
    input.style.cssText = "position:fixed;top:0;left:0;z-index:9999";
    document.body.appendChild(input);
  });
  const field = page.locator("#bench-bare");
  const echo: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < keys; i++) {
    await field.focus();
    await idle(page);
    const probe = await measure(page, NO_WATCH, () => page.keyboard.press(String(i % 10)));
    if (probe.echo !== null) echo.push(probe.echo);
    await page.waitForTimeout(50);
    if (probe.key !== null) event.push(await page.evaluate((k) => window.__bench!.eventDuration(k), probe.key));
  }
  await page.evaluate(() => document.getElementById("bench-bare")?.remove());
  return { echo, event };
}

/**
 * Fast typing: a whole number keyed into the MAU field (its text selected first) at
 * `delayMs` a key, nothing waited for between keys. Each key's echo, and from the
 * last key to the last change of the TCO and of the charts.
 */
async function benchBurst(page: Page, bursts: number, delayMs: number) {
  const field = page.locator(MAU);
  const numbers = ["654321", "213456", "987654", "345678", "876543", "123789", "765432", "432198"];
  const out = { echo: [] as number[], tco: [] as number[], charts: [] as number[] };
  for (let b = 0; b < bursts; b++) {
    const text = numbers[b % numbers.length]!;
    await field.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await settle(page);
    await page.evaluate(() => window.__bench!.startBurst());
    await page.keyboard.type(text, { delay: delayMs });
    const result = await page.evaluate(() => window.__bench!.finishBurst(400));
    out.echo.push(...result.echo);
    // Below 0 when the last key left the TCO's text as it was: it showed the final figure before that key.
    if (result.tco !== null) out.tco.push(Math.max(0, result.tco));
    if (result.charts !== null) out.charts.push(Math.max(0, result.charts));
  }
  return out;
}

/**
 * One planScenario call in the page: the engine bundled with esbuild (a tsx
 * dependency) and injected by the bench, planning the page's scenario (its `?s=`)
 * against the dataset snapshot of DATABASE_URL, which should be the server's.
 */
async function benchEngine(page: Page): Promise<{ full: Stats; quick: Stats } | string> {
  if (!process.env.DATABASE_URL) return "skipped: set DATABASE_URL to the server's database to time planScenario in the page";
  let build: typeof import("esbuild").build;
  try {
    ({ build } = await import("esbuild"));
  } catch {
    return "skipped: esbuild is not installed";
  }
  const { openDatabase } = await import("@/db/client");
  const { loadDatasetSnapshot } = await import("@/db/queries/snapshot");
  const { client, db } = openDatabase(process.env.DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
  const snapshot = await loadDatasetSnapshot(db);
  client.close();
  await page.waitForURL(/[?&]s=/);
  const raw = new URL(page.url()).searchParams.get("s");
  if (!raw) return "skipped: the page wrote no ?s= to plan";
  const root = new URL("..", import.meta.url).pathname;
  const bundle = await build({
    stdin: {
      contents: 'import { planScenario } from "@/lib/model"; globalThis.__benchPlanScenario = planScenario;',
      resolveDir: root,
      loader: "ts",
    },
    alias: { "@": root },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const times = await page.evaluate(
    ([scenarioJson, snapshotJson]) => {
      const g = globalThis as unknown as { __benchPlanScenario: (s: unknown, d: unknown, o?: { tornado: boolean }) => unknown };
      const plan = g.__benchPlanScenario;
      const scenario = JSON.parse(scenarioJson);
      const data = JSON.parse(snapshotJson);
      const time = (options: { tornado: boolean }) => {
        for (let i = 0; i < 50; i++) plan(scenario, data, options); // warm up the JIT
        const out: number[] = [];
        for (let i = 0; i < 200; i++) {
          const t = performance.now();
          plan(scenario, data, options);
          out.push(performance.now() - t);
        }
        return out;
      };
      return { full: time({ tornado: true }), quick: time({ tornado: false }) };
    },
    [raw, JSON.stringify(snapshot)] as const,
  );
  return { full: stats(times.full), quick: stats(times.quick) };
}

async function main() {
  const { baseUrl, keys, bursts } = parseArgs(process.argv.slice(2));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls __name.
    await page.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
    await openPlanner(page, baseUrl);

    // Warm-up: a few keystrokes so the JIT and Recharts' first-use paths are not timed.
    await benchMau(page, 4);
    const bare = await benchBare(page, keys);
    const name = await benchName(page, keys);
    const mau = await benchMau(page, keys);
    const engine = await benchEngine(page);
    const burst = await benchBurst(page, bursts, BURST_DELAY_MS);

    const base = stats(bare.echo);
    const tco = stats(mau.tco);
    const echo = stats(mau.echo);
    const nameEcho = stats(name.echo);
    const ratio = (label: string, s: Stats) =>
      console.log(`${label.padEnd(34)} median ×${(s.median / base.median).toFixed(1)}   p95 ×${(s.p95 / base.p95).toFixed(1)}`);
    console.log(`planner page typing bench: ${baseUrl}/plan, ${keys} keystrokes each, headless Chromium (60 Hz frames)\n`);
    console.log(line("MAU keystroke → TCO painted", tco));
    console.log(line("MAU keystroke → TCO in the DOM", stats(mau.tcoDom)));
    console.log(line("MAU keystroke → charts painted", stats(mau.charts)));
    console.log(line("MAU keystroke → field echo painted", echo));
    console.log(line("name keystroke → echo painted", nameEcho));
    console.log(line("baseline: bare keystroke → frame", base));
    console.log(line(`burst (${BURST_DELAY_MS} ms/key): key → echo`, stats(burst.echo)));
    console.log(line("burst: last key → TCO painted", stats(burst.tco)));
    console.log(line("burst: last key → charts painted", stats(burst.charts)));
    console.log(line("Event Timing: MAU key (≥16)", stats(mau.event)));
    console.log(line("Event Timing: name key (≥16)", stats(name.event)));
    console.log(line("Event Timing: bare key (≥16)", stats(bare.event)));
    if (mau.missed > 0) console.log(`  (${mau.missed} MAU keystrokes never changed the TCO within 5 s; left out)`);
    console.log("");
    ratio("ratio MAU → TCO / baseline", tco);
    ratio("ratio MAU echo / baseline", echo);
    ratio("ratio name echo / baseline", nameEcho);
    ratio("ratio burst echo / baseline", stats(burst.echo));
    console.log("");
    if (typeof engine === "string") console.log(`planScenario in the page: ${engine}`);
    else {
      const fmt = (s: Stats) => `median ${s.median.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms (n=${s.n})`;
      console.log(`planScenario in the page, tornado included: ${fmt(engine.full)}`);
      console.log(`planScenario in the page, { tornado: false }: ${fmt(engine.quick)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
