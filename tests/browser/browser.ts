/** Headless Debian Chromium through playwright-core, launched the way this machine needs. */
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { CHROMIUM_PATH } from "./global-setup";

/** "" when the browser tests are skipped (no Chromium outside CI). */
export const baseUrl = inject("baseUrl");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
  });
}

/** A describe block's hooks: one browser for the block, a new page for each test, handed to `onPage` before the test runs and closed after it. */
export function newPageForEachTest(onPage: (page: Page) => void): void {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("the browser did not launch");
    page = await browser.newPage();
    onPage(page);
  });
  afterEach(async () => {
    await page?.close();
  });
}
