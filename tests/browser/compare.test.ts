/** Comparing in Chromium: every cloud price for one scenario, two of them side by side, and two saved plans on /compare. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner } from "./plan-page";

async function save(file: string): Promise<string> {
  const scenario = JSON.parse(await readFile(`data/scenarios/${file}`, "utf8")) as unknown;
  const res = await fetch(`${baseUrl}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(scenario) });
  return ((await res.json()) as { id: string }).id;
}

/** "$51.7K" → 51700, "$1,353" → 1353. */
function usd(text: string): number {
  const n = Number(text.replace(/[^0-9.]/g, ""));
  return /K$/.test(text) ? n * 1e3 : /M$/.test(text) ? n * 1e6 : n;
}

describe.skipIf(!baseUrl)("comparing", () => {
  const browser = browserForBlock();

  it("ranks every current cloud price for the traffic and plans two of them side by side", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.changeMonthlyActiveUsers("60000");
    await page.getByTestId("view-prices").click();
    const table = page.getByTestId("price-ranking");
    await table.waitFor();

    const prices = ((await (await fetch(`${baseUrl}/api/prices`)).json()) as { prices: unknown[] }).prices;
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(prices.length);
    // Cheapest cloud-only TCO first.
    const tcos = (await table.getByTestId("rank-cloud-tco").allInnerTexts()).map(usd);
    expect(tcos).toEqual([...tcos].sort((a, b) => a - b));

    // The same ranking as the API for the scenario on screen.
    const scenario = await planner.scenarioParam();
    const api = (await (await fetch(`${baseUrl}/api/compare/prices`, { method: "POST", body: JSON.stringify({ scenario }) })).json()) as {
      rows: { priceId: string }[];
    };
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-price"))))
      .toEqual(api.rows.map((r) => r.priceId));

    await rows.nth(0).getByTestId("pick-price").check();
    await rows.nth(1).getByTestId("pick-price").check();
    const side = page.getByTestId("side-by-side");
    await side.waitFor();
    expect(await side.locator("thead th").count()).toBe(3); // the figure column and two prices
    await page.waitForURL(/[?&]vs=/);
    const picked = new URL(page.url()).searchParams.get("vs")!.split(",");
    expect(picked).toHaveLength(2);

    // The link opens the same comparison.
    const again = await browser.newPage();
    await again.goto(page.url());
    await again.getByTestId("side-by-side").waitFor();
    expect(await again.getByTestId("side-by-side").locator("thead th").count()).toBe(3);
  });

  it("shows two saved plans side by side with the inputs that differ marked", async () => {
    const [chat, docs] = await Promise.all([save("chat-assistant-50k.json"), save("document-assistant.json")]);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/s/${chat}`);
    await page.getByTestId("compare-this").click();
    await page.waitForURL(new RegExp(`/compare\\?ids=${chat}$`));
    await page.getByTestId("compare-add-input").fill(`${baseUrl}/s/${docs}`);
    await page.getByTestId("compare-add").click();
    await page.waitForURL(new RegExp(`ids=${chat}(%2C|,)${docs}`));
    const results = page.getByTestId("compare-results");
    await results.waitFor();
    expect(await results.locator("thead th").count()).toBe(3);

    const inputs = page.getByTestId("compare-inputs");
    const mau = inputs.locator('tr[data-key="traffic.monthlyActiveUsers"]');
    // The two example files: 50,000 and 20,000 monthly users.
    expect(await mau.locator("td").allInnerTexts()).toEqual(["50,000 users", "20,000 users"]);
    expect(await mau.getAttribute("data-differs")).toBe("true");
    // A row both share is not marked.
    expect(await inputs.locator('tr[data-key="version"]').count()).toBe(0);
    expect(await inputs.locator("tr[data-differs]").count()).toBeGreaterThan(0);
    await page.getByTestId("chart-compare").locator(".recharts-line-curve").nth(1).waitFor();
  });

  it("opens the planner's current scenario on /compare beside a saved plan", async () => {
    const chat = await save("chat-assistant-50k.json");
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.changeMonthlyActiveUsers("90000");
    await page.waitForURL(/90000/);
    await page.getByTestId("compare-current").click();
    await page.waitForURL(/\/compare\?s=/);
    await page.getByTestId("compare-add-input").fill(chat);
    await page.getByTestId("compare-add").click();
    await page.waitForURL(new RegExp(`ids=${chat}`));
    const mau = page.getByTestId("compare-inputs").locator('tr[data-key="traffic.monthlyActiveUsers"]');
    // The saved example's 50,000 users beside the 90,000 typed in the planner.
    expect(await mau.locator("td").allInnerTexts()).toEqual(["50,000 users", "90,000 users"]);
  });
});
