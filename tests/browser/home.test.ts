import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";

describe.skipIf(!baseUrl)("home page", () => {
  const browser = browserForBlock();

  it("shows the dataset counts and renders the decode chart with bars", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const runs = Number((await page.getByTestId("count-runs").innerText()).replace(/,/g, ""));
    expect(runs).toBeGreaterThanOrEqual(500);
    const chart = page.getByTestId("decode-chart");
    // Drawn by the server: every bar is in the HTML, nothing to wait for.
    expect(await chart.locator("svg rect").count()).toBeGreaterThan(10);
  });

  it("draws the decode chart without JavaScript: a bar per device and model with its figure as its tooltip", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(baseUrl);
    const chart = page.getByTestId("decode-chart");
    expect(await chart.getByRole("img").getAttribute("aria-label")).toBe("Measured decode tokens per second at q4_0 by model and device");
    const titles = await chart.locator("svg rect > title").allTextContents();
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) expect(title).toMatch(/^.+, .+: [\d.,]+ tokens\/s$/);
    // data/external/pocketpal/…samsung-s23.json, gemma-3-1b q4_0: tg_avg 30.21 on OpenCL beats 27.12 on the CPU.
    expect(titles).toContain("Samsung Galaxy S23, Gemma 3 1B: 30.2 tokens/s");
    // One legend entry per device with a bar, coloured as its bars.
    const legend = chart.getByRole("list", { name: "Devices" }).getByRole("listitem");
    const devices = await legend.allInnerTexts();
    expect(devices).toContain("Samsung Galaxy S23");
    expect(new Set(titles.map((t) => t.slice(0, t.indexOf(", ")))).size).toBeLessThanOrEqual(devices.length);
  });

  it("colours the bars from the palette in the light and in the dark scheme, and scrolls the chart, not the page, at 400 px", async () => {
    const fills: Record<string, string> = {};
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 400, height: 800 } });
      await page.goto(baseUrl);
      const chart = page.getByTestId("decode-chart");
      fills[colorScheme] = await chart.locator("svg rect").first().evaluate((rect) => getComputedStyle(rect).fill);
      const sizes = await chart.locator(".chart-scroll").evaluate((box) => ({
        box: box.clientWidth,
        chart: box.scrollWidth,
        page: document.documentElement.scrollWidth,
      }));
      // 400 − 2 × 12 px of padding; the drawing keeps ¾ of its 1,152 px (text ≥ 9 px) and scrolls in its box.
      expect(sizes).toEqual({ box: 376, chart: 864, page: 400 });
    }
    // globals.css: --chart-series-0 is #2563eb in the light scheme and #60a5fa in the dark.
    expect(fills).toEqual({ light: "rgb(37, 99, 235)", dark: "rgb(96, 165, 250)" });
  });

  it("wears the header the App Router pages wear (app/_components/site-header.tsx)", async () => {
    const page = await browser.newPage();
    const links = async (path: string) => {
      await page.goto(`${baseUrl}${path}`);
      return page.locator("header.site-header a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href"), a.className]));
    };
    const home = await links("/");
    expect(home).toHaveLength(6);
    expect(home[0]).toEqual(["Edge ⇄ Cloud planner", "/", "brand"]);
    expect(await page.title()).toBe("Edge vs cloud LLM cost planner");
    expect(await links("/upload")).toEqual(home);
  });

  it("is served through proxy.ts and next.config.ts like every page: a nonce policy and the security headers", async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("lists the documents' claims the plausibility checks flag, and counts the flagged runs", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const section = page.getByTestId("home-findings");
    const checks = await section.getByTestId("dataset-finding").evaluateAll((items) => items.map((li) => li.getAttribute("data-check")));
    // seeds/FIGURES.md: 000's TCO and 002's $420 (cost totals), Phi-4 as MoE (model fact), MiMo's MMLU (across sources)
    expect(new Set(checks)).toEqual(new Set(["cost-total", "model-fact", "conflicting-figures"]));
    await expect(section.innerText()).resolves.toContain("stated $122.00, but 500,000,000 tokens × $0.42/1M × 36 periods = $7,560.00");
    // 001's spec-table and device-table runs above the bound, 002's sub-1.5-bit files, 004's Jetson …
    expect(Number(await page.getByTestId("home-flagged-run-count").innerText())).toBeGreaterThanOrEqual(10);
  });

  it("takes a newcomer from the home page to the planner with a recommendation on screen", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByTestId("start-planning").click();
    await page.waitForURL(/\/plan/);
    const headline = page.getByTestId("recommendation-headline");
    await headline.waitFor();
    expect(await headline.innerText()).toMatch(/TCO \$[\d.,]+K?/);
  });
});
