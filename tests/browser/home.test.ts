import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";

describe.skipIf(!baseUrl)("home page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the dataset counts and renders the decode chart with bars", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    const runs = Number((await page.getByTestId("count-runs").innerText()).replace(/,/g, ""));
    expect(runs).toBeGreaterThanOrEqual(500);
    const chart = page.getByTestId("decode-chart");
    await chart.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
    await page.close();
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
    await page.close();
  });

  it("takes a newcomer from the home page to the planner with a recommendation on screen", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByTestId("start-planning").click();
    await page.waitForURL(/\/plan/);
    const headline = page.getByTestId("recommendation-headline");
    await headline.waitFor();
    expect(await headline.innerText()).toMatch(/TCO \$[\d.,]+K?/);
    await page.close();
  });
});
