/** Headless Debian Chromium through playwright-core, launched the way this machine needs. */
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, inject, onTestFinished } from "vitest";
import { CHROMIUM_PATH } from "./global-setup";

/** "" when the browser tests are skipped (no Chromium outside CI). */
export const baseUrl = inject("baseUrl");

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
  });
}

/** A describe block's browser: each page opens in a context of its own, closed when the test that opened it ends, passed or failed. */
export interface BrowserForTests {
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** A describe block's hooks: one browser launched before its tests and closed after them. */
export function browserForBlock(): BrowserForTests {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = (): Browser => {
    if (!browser) throw new Error("the browser did not launch");
    return browser;
  };
  return {
    async newPage(options) {
      const page = await launched().newPage(options);
      onTestFinished(() => page.close());
      return page;
    },
  };
}

/** A describe block's hooks: its browser, and a new page for each test, handed to `onPage` before the test runs. */
export function newPageForEachTest(onPage: (page: Page) => void): void {
  const browser = browserForBlock();
  beforeEach(async () => {
    onPage(await browser.newPage());
  });
}
