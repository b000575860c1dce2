/** cloud.batchShare, added through the parameter catalogue: its field, its link, its tornado row and its message. */
import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner } from "./plan-page";

describe.skipIf(!baseUrl)("the batch share", () => {
  const browser = browserForBlock();

  it("is a field of the cloud's fold that reaches the link and the tornado, and says its limit in its own words", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await page.getByTestId("fold-cloud").locator("summary").click();
    const input = page.locator('input[data-path="cloud.batchShare"]');
    const id = await input.getAttribute("id");
    expect(await page.locator(`label[for="${id}"]`).innerText()).toBe("Requests sent to the batch API");

    await input.fill("40");
    // Shown in % (scale 100): 40 % is stored as 0.4.
    await expect.poll(async () => ((await planner.scenarioParam()).cloud as { batchShare?: number }).batchShare).toBe(0.4);
    await page.getByTestId("view-table").click();
    // ±25 % of 40 %: 30 % and 50 %.
    const row = async () => (await planner.tableCells("tornado")).find((r) => r[0] === "Requests sent to the batch API (share of requests)");
    await expect.poll(async () => (await row())?.slice(1, 4)).toEqual(["30%", "40%", "50%"]);

    await input.fill("150");
    await page.getByText("Requests sent to the batch API can be 100% at most").first().waitFor();
  });
});
