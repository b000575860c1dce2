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
