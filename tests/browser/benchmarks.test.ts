import { eq } from "drizzle-orm";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { sources } from "@/db/schema";
import type { GetBenchmarksResponse } from "@/lib/schemas/api";
import { baseUrl, newPageForEachTest } from "./browser";
import { BenchmarksPage } from "./browse-pages";

/** The JSON API's answer for the same filters: what the page must agree with. */
async function apiRuns(query: string): Promise<GetBenchmarksResponse> {
  const res = await fetch(`${baseUrl}/api/benchmarks?${query}&limit=5000`);
  return (await res.json()) as GetBenchmarksResponse;
}

describe.skipIf(!baseUrl)("benchmarks page", () => {
  let page: Page;
  let benchmarks: BenchmarksPage;
  newPageForEachTest((opened) => {
    page = opened;
    benchmarks = new BenchmarksPage(opened);
  });

  it("filtering by device and status changes the rows and the count", async () => {
    await benchmarks.open();
    const all = await benchmarks.count();
    expect(all).toBe((await apiRuns("")).total);

    await benchmarks.filter("device", "samsung-s23");
    const s23 = (await apiRuns("device=samsung-s23")).total;
    await expect.poll(() => benchmarks.count()).toBe(s23);
    expect(s23).toBeLessThan(all);
    const names = await benchmarks.rows().locator("td:first-child").allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith("Samsung Galaxy S23"))).toBe(true);

    await benchmarks.filter("status", "measured");
    const s23Measured = (await apiRuns("device=samsung-s23&status=measured")).total;
    await expect.poll(() => benchmarks.count()).toBe(s23Measured);
    expect(s23Measured).toBeGreaterThan(0);
    expect(new Set(await benchmarks.rowStatuses())).toEqual(new Set(["measured"]));
    expect(page.url()).toMatch(/device=samsung-s23&status=measured/);
  });

  it("filtering by status, then by a device, narrows the set twice", async () => {
    // The seed articles' figures are claimed runs on phones PocketPal did not measure.
    const claimed = await apiRuns("status=claimed");
    expect(claimed.total).toBeGreaterThan(0);
    const device = claimed.runs[0]!.device;
    const claimedOnDevice = (await apiRuns(`status=claimed&device=${device.id}`)).total;

    await benchmarks.open();
    const all = await benchmarks.count();
    await benchmarks.filter("status", "claimed");
    await expect.poll(() => benchmarks.count()).toBe(claimed.total);
    expect(claimed.total).toBeLessThan(all);
    expect(new Set(await benchmarks.rowStatuses())).toEqual(new Set(["claimed"]));

    await benchmarks.filter("device", device.id);
    await expect.poll(() => benchmarks.count()).toBe(claimedOnDevice);
    const names = await benchmarks.rows().locator("td:first-child").allInnerTexts();
    expect(names).toHaveLength(Math.min(claimedOnDevice, 25));
    expect(names.every((n) => n.startsWith(device.name))).toBe(true);
  });

  it("shows an empty state when no run matches", async () => {
    await benchmarks.open("?device=samsung-s23&status=claimed");
    expect(await benchmarks.count()).toBe(0);
    await expect(page.getByTestId("runs-empty").innerText()).resolves.toMatch(/No runs match these filters/);
  });

  it("sorts by decode speed on the server, fastest first then slowest first", async () => {
    await benchmarks.open("?device=poco-myron&status=measured");
    await benchmarks.sortBy("decode", "desc");
    const desc = (await benchmarks.decodeColumn()).filter((v): v is number => v !== null);
    expect(desc.length).toBeGreaterThan(10);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    // The fastest run of the whole filter comes first, not just the fastest of the first page.
    const api = await apiRuns("device=poco-myron&status=measured");
    const fastest = Math.max(...api.runs.map((r) => r.metrics.decodeTokensPerSec ?? 0));
    expect(desc[0]).toBeCloseTo(fastest, 0);

    await benchmarks.sortBy("decode", "asc");
    const asc = (await benchmarks.decodeColumn()).filter((v): v is number => v !== null);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc[0]).toBeLessThan(desc[0]!);
  });

  it("exports exactly the filtered runs as CSV", async () => {
    await benchmarks.open("?device=poco-x7-klee&status=measured&sort=decode&order=desc");
    const shown = await benchmarks.count();
    const href = await benchmarks.csvHref();
    expect(href).toBe("/api/benchmarks.csv?device=poco-x7-klee&status=measured&sort=decode&order=desc");

    const res = await fetch(`${baseUrl}${href}`);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const parsed = Papa.parse<Record<string, string>>((await res.text()).trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(shown);
    expect(new Set(parsed.data.map((r) => r.deviceId))).toEqual(new Set(["poco-x7-klee"]));
    expect(new Set(parsed.data.map((r) => r.status))).toEqual(new Set(["measured"]));
    const api = await apiRuns("device=poco-x7-klee&status=measured&sort=decode&order=desc");
    expect(parsed.data.map((r) => Number(r.id))).toEqual(api.runs.map((r) => r.id));
    // The first page of the table is the head of the export.
    expect((await benchmarks.rowIds()).slice(0, 5)).toEqual(parsed.data.slice(0, 5).map((r) => Number(r.id)));
  });

  it("draws the charts of the filtered set and marks runs above the bandwidth bound", async () => {
    await benchmarks.open();
    await page.getByTestId("decode-bars").locator(".recharts-bar-rectangle").first().waitFor();
    await page.getByTestId("roofline-chart").locator(".recharts-scatter-symbol").first().waitFor();
    // The seed's articles claim decode speeds above what the bandwidth allows (seeds/FIGURES.md).
    expect(await page.getByTestId("implausible-run").count()).toBeGreaterThan(0);
    await page.getByTestId("memory-chart").locator(".recharts-scatter-symbol").first().waitFor();
  });

  it("draws energy per token for runs that report power, and shows it on the run's page", async () => {
    await benchmarks.open("?device=apple-mac-mini-m4");
    await page.getByTestId("energy-per-token-bars").locator(".recharts-bar-rectangle").first().waitFor();
    await page.getByTestId("run-details").first().click();
    await page.getByTestId("run-detail").waitFor();
    // Geerling's M4 Mac mini: 30.1 W ÷ 41.31 tokens/s = 0.7286… J/token
    await expect(page.getByTestId("run-figures").innerText()).resolves.toMatch(/Energy per token\s+0\.73 J\/token/);
  });

  it("opens a run's page with its figures, device facts and plausibility checks", async () => {
    await benchmarks.open("?device=samsung-s23&status=measured");
    await page.getByTestId("run-details").first().click();
    await page.getByTestId("run-detail").waitFor();
    expect(page.url()).toMatch(/\/benchmarks\/\d+$/);
    await expect(page.getByTestId("run-figures").innerText()).resolves.toMatch(/Decode/);
    await expect(page.getByTestId("device-facts").innerText()).resolves.toMatch(/Samsung Galaxy S23/);
    expect(await page.getByTestId("run-findings").locator("li").count()).toBeGreaterThan(0);
  });

  it("lists the seed's contradictions among the plausibility findings", async () => {
    await benchmarks.open("?status=claimed");
    const section = page.getByTestId("dataset-findings");
    const text = await section.innerText();
    // seeds/FIGURES.md, last section: 000's TCO ($122 stated, $7,560 from its price), 002's $420 (1,000×),
    // Phi-4 called a mixture of experts, MiMo's MMLU across sources
    expect(text).toContain("stated $122.00, but 500,000,000 tokens × $0.42/1M × 36 periods = $7,560.00");
    expect(text).toContain("stated $420.00, but 1,000,000 tokens × $0.42/1M = $0.42 (1,000× too high)");
    expect(text).toMatch(/calls Phi-4 \(14B\) a mixture-of-experts model/);
    expect(text).toMatch(/Xiaomi MiMo-7B MMLU differs by \d+(\.\d)? points across sources/);
    // …and the runs above the bandwidth bound (001's 28 tokens/s) and below 1.5 bits per parameter (002's 890 MB)
    await benchmarks.open("?device=samsung-galaxy-s24-ultra");
    await expect(page.getByTestId("flagged-runs").innerText()).resolves.toContain("76.8 GB/s ÷ 4.8 GB read per token");
    await benchmarks.open("?device=xiaomi-14-pro");
    await expect(page.getByTestId("flagged-runs").innerText()).resolves.toContain("890 MB for 7B parameters is 1.02 bits per parameter");
  });

  it("reads a URL it cannot parse as the defaults, without an error", async () => {
    const res = await page.goto(`${baseUrl}/benchmarks?page=abc&size=7&status=bogus&sort=nope&order=up&source=-1&device=`);
    expect(res?.status()).toBe(200);
    expect(await benchmarks.count()).toBe((await apiRuns("")).total);
    await expect(page.getByTestId("page-of").innerText()).resolves.toMatch(/^Page 1 of /);
    expect(await benchmarks.rows().count()).toBe(25);
    expect(await page.getByTestId("filter-status").inputValue()).toBe("");
  });

  it("keeps the page size and sort while a filter changes (page back to 1), and Back returns to the page before", async () => {
    await benchmarks.open("?sort=decode&order=desc&size=50&page=2");
    await benchmarks.filter("status", "measured");
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    expect(query).toEqual({ sort: "decode", order: "desc", size: "50", status: "measured" });
    await expect.poll(() => page.getByTestId("page-of").innerText(), { timeout: 10_000 }).toMatch(/^Page 1 of /);
    expect(await benchmarks.rows().count()).toBe(50);
    await page.goBack();
    await page.waitForURL(/[?&]page=2(&|$)/);
    await expect.poll(() => page.getByTestId("page-of").innerText(), { timeout: 10_000 }).toMatch(/^Page 2 of /);
  });

  it("fits a run's figures, Status column included, on a 400 px screen", async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await benchmarks.open("?device=apple-mac-mini-m4");
    await page.getByTestId("run-details").first().click();
    const figures = page.getByTestId("run-figures");
    await figures.waitFor();
    const status = (await figures.locator("th", { hasText: "Status" }).boundingBox())!;
    expect(status.x + status.width).toBeLessThanOrEqual(400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });

  it("fits every column of the run table, Details included, in a 1280 px window", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await benchmarks.open();
    await page.getByTestId("runs-table").waitFor();
    const frame = await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="runs-table"]')!.parentElement!;
      return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth };
    });
    expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
    const details = (await page.getByTestId("run-details").first().boundingBox())!;
    expect(details.x + details.width).toBeLessThanOrEqual(1280);
  });

  it("never links a stored source URL that is not http(s)", async () => {
    const { db, client } = openDatabase(inject("databaseUrl"));
    const run = (await apiRuns("device=samsung-s23&status=measured")).runs[0]!;
    const [before] = await db.select({ url: sources.url }).from(sources).where(eq(sources.id, run.source.id));
    try {
      await db.update(sources).set({ url: "javascript:alert(document.domain)" }).where(eq(sources.id, run.source.id));
      await page.goto(`${baseUrl}/benchmarks/${run.id}`);
      await page.getByTestId("run-detail").waitFor();
      expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
      // The title is still shown, as text.
      await expect(page.getByTestId("run-detail").innerText()).resolves.toContain(run.source.title);
      await benchmarks.open(`?source=${run.source.id}`);
      expect(await benchmarks.rows().count()).toBeGreaterThan(0);
      expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    } finally {
      await db.update(sources).set({ url: before!.url }).where(eq(sources.id, run.source.id));
      client.close();
    }
  });
});
