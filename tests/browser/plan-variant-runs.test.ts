import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner, PlannerPage } from "./plan-page";

const RUNS_ROUTE = "**/api/variants/*/runs";

/** A dataset variant with runs other than the one selected: its option says "· N runs". */
async function otherVariantWithRuns(page: Page): Promise<string> {
  const select = page.getByTestId("input-variant");
  const current = await select.inputValue();
  // The list joins the chosen option when the select is reached for (or when idle).
  await select.focus();
  const options = await select.locator("option").evaluateAll((os) =>
    os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })),
  );
  const other = options.find((o) => o.value !== current && /· \d+ runs?$/.test(o.text));
  if (!other) throw new Error("the seed data has no second variant with runs");
  return other.value;
}

describe.skipIf(!baseUrl)("planner: the runs of the chosen variant", () => {
  const browser = browserForBlock();

  it("ships the starting variant's runs, fetches another's once, and says so while it loads", async () => {
    const page = await browser.newPage();
    const planner = new PlannerPage(page);
    const fetched: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/variants/")) fetched.push(new URL(r.url()).pathname);
    });
    await planner.open();
    await planner.waitForResults();
    const start = await page.getByTestId("input-variant").inputValue();
    const tcoAtStart = await planner.tco();
    // The page came with the starting variant's runs: no request for them.
    expect(fetched).toEqual([]);

    // Held until released, so the waiting state can be seen.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route(RUNS_ROUTE, async (route: Route) => {
      await released;
      await route.continue();
    });
    const other = await otherVariantWithRuns(page);
    await page.getByTestId("input-variant").selectOption(other);
    await expect.poll(() => page.getByTestId("runs-loading").innerText()).toMatch(/^Loading the runs of .+…$/);
    expect(await page.getByTestId("rec-tco").count()).toBe(0);
    release();
    await page.getByTestId("rec-tco").waitFor();
    expect(await page.getByTestId("runs-loading").count()).toBe(0);
    expect(fetched).toEqual([`/api/variants/${encodeURIComponent(other)}/runs`]);

    // Back and forth: the start's runs came with the page, the other's are kept.
    await page.getByTestId("input-variant").selectOption(start);
    await expect.poll(() => planner.tco()).toBe(tcoAtStart);
    await page.getByTestId("input-variant").selectOption(other);
    await page.getByTestId("rec-tco").waitFor();
    expect(fetched).toHaveLength(1);
  });

  it("says in words when the runs cannot be fetched, and tries again on request", async () => {
    const page = await browser.newPage();
    await openPlanner(page);
    await page.route(RUNS_ROUTE, (route: Route) => route.fulfill({ status: 503, body: "busy" }));
    const other = await otherVariantWithRuns(page);
    await page.getByTestId("input-variant").selectOption(other);
    const failed = page.getByTestId("runs-failed");
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/^The measured runs of .+ could not be loaded \(the server answered 503\), so it cannot be planned yet\. Try again$/);
    expect(await page.getByTestId("rec-tco").count()).toBe(0);

    await page.unroute(RUNS_ROUTE);
    await failed.getByRole("button", { name: "Try again" }).click();
    await page.getByTestId("rec-tco").waitFor();
    expect(await page.getByTestId("runs-failed").count()).toBe(0);
  });
});
