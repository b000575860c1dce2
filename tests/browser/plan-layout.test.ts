/**
 * The planner on a laptop and a phone: the answer and the four decisions on the
 * first screen, the answer still in view after an edit, and no page that scrolls sideways.
 */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner } from "./plan-page";

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 400, height: 800 };

/** Wholly inside the viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

describe.skipIf(!baseUrl)("planner layout", () => {
  const browser = browserForBlock();
  let sharedPath = "";
  beforeAll(async () => {
    const scenario = JSON.parse(await readFile("data/scenarios/chat-assistant-50k.json", "utf8")) as unknown;
    const res = await fetch(`${baseUrl}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(scenario),
    });
    sharedPath = ((await res.json()) as { url: string }).url;
  });

  it("shows the answer and the four decisions on the first screen at 1280×800, and keeps the answer in view while editing", async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const planner = await openPlanner(page);
    const decisions = [
      page.getByTestId("input-mau"),
      page.getByTestId("decision-devices").locator("select").first(),
      page.getByTestId("input-variant"),
      page.getByTestId("input-price"),
    ];
    for (const d of decisions) expect(await inViewport(page, d)).toBe(true);
    for (const id of ["recommendation-headline", "rec-tco", "rec-month-first", "rec-month-last", "rec-savings", "rec-break-even", "rec-edge-share"]) {
      expect(await inViewport(page, page.getByTestId(id)), id).toBe(true);
    }

    // Read down the charts, scroll the editor to its end, then edit the users at its top.
    await page.mouse.move(900, 600);
    await page.mouse.wheel(0, 2500);
    await page.getByTestId("editor-foot").scrollIntoViewIfNeeded();
    await planner.changeMonthlyActiveUsers("400000");
    expect(await inViewport(page, page.getByTestId("input-mau"))).toBe(true);
    expect(await inViewport(page, page.getByTestId("rec-tco"))).toBe(true);
    expect(await inViewport(page, page.getByTestId("recommendation-headline"))).toBe(true);
  });

  it("keeps a one-line answer on screen at 400 px while the editor scrolls", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await openPlanner(page);
    const bar = page.getByTestId("answer-bar");
    expect(await inViewport(page, bar)).toBe(true);
    expect(await inViewport(page, page.getByTestId("input-mau"))).toBe(true);
    const before = await bar.innerText();

    await page.getByTestId("editor-foot").scrollIntoViewIfNeeded();
    await page.getByTestId("input-mau").fill("900000");
    await expect.poll(() => bar.innerText()).not.toBe(before);
    expect(await inViewport(page, bar)).toBe(true);
    expect(await inViewport(page, page.getByTestId("input-mau"))).toBe(true);
    // The field the person types in is not hidden under the bar.
    const barBottom = (await bar.boundingBox())!.y + (await bar.boundingBox())!.height;
    expect((await page.getByTestId("input-mau").boundingBox())!.y).toBeGreaterThanOrEqual(barBottom);
  });

  it("scrolls no page sideways at 400 px or at 1280 px", async () => {
    const firstRun = (await (await fetch(`${baseUrl}/api/benchmarks?limit=1`)).json()) as { runs: { id: number }[] };
    const paths = ["/", "/plan", "/upload", "/benchmarks", `/benchmarks/${firstRun.runs[0]!.id}`, "/pricing", sharedPath, "/compare"];
    for (const viewport of [PHONE, LAPTOP]) {
      const page = await browser.newPage({ viewport });
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
      }
    }
  });
});
