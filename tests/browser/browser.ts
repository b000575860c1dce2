/** Headless Debian Chromium through playwright-core, launched the way this machine needs. */
import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";
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
