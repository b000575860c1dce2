import type { Browser, ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";
import { PlannerPage } from "./plan-page";

describe.skipIf(!baseUrl)("pages under their security policy and long scenarios", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs the planner under a nonce CSP without a single refused script", async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${baseUrl}/plan`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const planner = new PlannerPage(page);
    await planner.waitForResults();
    await planner.changeMonthlyActiveUsers("120000");
    await page.waitForURL(/120000/);
    expect(refused).toEqual([]);
    await page.close();
  });

  it("opens a scenario too long for a link from its share id", async () => {
    // 200 inline runs on inline phones: ≈ 30 KB of JSON, past the 16 KB Node takes in a request head.
    const device = { name: "A phone with a long marketing name", ramGB: 8, memoryBandwidthGBps: 60, batteryWh: 15 };
    const scenario = {
      version: 1,
      name: "Long scenario",
      devices: [{ device: "samsung-s23", share: 0.5 }],
      edge: {
        variant: "qwen3-1.7b-q4_0",
        runs: Array.from({ length: 200 }, (_, i) => ({ device: { ...device, id: `long-phone-${i}` }, decodeTokensPerSec: 10 + i / 10 })),
      },
      cloud: { price: "deepseek/deepseek-chat" },
    };
    const saved = await fetch(`${baseUrl}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(scenario),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/s/${id}`);
    await page.getByTestId("open-in-editor").click();
    await page.waitForURL(new RegExp(`/plan\\?from=${id}$`));
    await new PlannerPage(page).waitForResults();
    expect(await page.getByTestId("share-too-long").isVisible()).toBe(true);
    await page.close();
  });
});
