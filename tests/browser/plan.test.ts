import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { editorFields } from "@/lib/scenario-params/editor-fields";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner, PlannerPage } from "./plan-page";

describe.skipIf(!baseUrl)("planner page", () => {
  const browser = browserForBlock();

  it("replans in the browser when the monthly active users change: the TCO, a chart and the link follow", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    const tcoBefore = await planner.tco();
    const pathsBefore = await planner.cumulativeLinePaths();
    expect(pathsBefore.length).toBe(3);

    // No request may reach the server for a replan.
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/")) requests.push(r.url());
    });
    await planner.changeMonthlyActiveUsers("500000");
    expect(await planner.tco()).not.toBe(tcoBefore);
    await expect.poll(() => planner.cumulativeLinePaths()).not.toEqual(pathsBefore);
    expect(requests).toEqual([]);

    const param = await planner.scenarioParam();
    expect((param.traffic as Record<string, unknown>).monthlyActiveUsers).toBe(500000);
  });

  it("opens the same view from its link", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.changeMonthlyActiveUsers("123k");
    await page.waitForURL(/monthlyActiveUsers%22:123000|monthlyActiveUsers":123000/);
    const figures = await planner.figures();
    const url = page.url();

    const other = await browser.newPage();
    const copy = new PlannerPage(other);
    await other.goto(url);
    await copy.waitForResults();
    expect(await copy.figures()).toEqual(figures);
    expect(await other.getByTestId("input-mau").inputValue()).toBe("123000");
  });

  it("shows the bad field of a tampered link and keeps it until the person agrees to the default", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.setMonthlyActiveUsers("60000");
    const param = await planner.scenarioParam();
    (param.traffic as Record<string, unknown>).monthlyActiveUsers = -5;
    await planner.open(`?s=${encodeURIComponent(JSON.stringify(param))}`);

    const problem = page.getByTestId("url-state-error");
    await problem.waitFor();
    expect(await page.getByTestId("url-state-issues").innerText()).toBe("Monthly active users can't be negative");
    expect(await page.getByTestId("results").count()).toBe(0);
    // The link stays as it was until the person chooses.
    expect(page.url()).toContain("-5");

    await page.getByTestId("use-default-scenario").click();
    await planner.waitForResults();
    expect(await page.getByTestId("input-mau").inputValue()).toBe("50000");
  });

  it("says a truncated link is cut off", async () => {
    const page = await browser.newPage();
    const planner = new PlannerPage(page);
    await planner.open(`?s=${encodeURIComponent('{"version":1,"name":"Cut')}`);
    await page.getByTestId("url-state-error").waitFor();
    expect(await page.getByTestId("url-state-issues").innerText()).toMatch(/^The scenario in the link is cut off/);
  });

  it("marks a field's problem while typing and keeps the results on the last valid scenario", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    const tco = await planner.tco();
    await planner.setMonthlyActiveUsers("-1");
    await page.getByTestId("editor-issues").waitFor();
    expect(await page.getByTestId("editor-issues").innerText()).toContain("Monthly active users can't be negative");
    // The hint beside the field read the last number; it goes while the field holds a problem.
    expect(await page.locator(".field-invalid .field-hint").count()).toBe(0);
    await page.getByTestId("stale-banner").waitFor();
    expect(await planner.tco()).toBe(tco);
  });

  it("exports the table view as CSV holding the cells on screen", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await page.getByTestId("view-table").click();
    await page.getByTestId("table-strategies").waitFor();
    await page.waitForURL(/view=table/);
    const onScreen = await planner.tableCells("strategies");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-strategies").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(Papa.parse<string[]>(csv.trim()).data).toEqual(onScreen);
  });

  it("uses a phone's calibrated bandwidth efficiency for its estimated speed, in the link too, until reset", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    // Qwen3 0.6B Q4_0 (0.35 GB, from the seed documents) has no benchmark run on any seeded device, so every
    // class's speed is the bandwidth estimate. The Galaxy S23 has measured llama.cpp runs of 74 other variants:
    // a calibration for the scenario's runtime (llama.cpp).
    await page.getByTestId("input-variant").selectOption("qwen3-0.6b-q4_0");
    await page.getByTestId("view-table").click();
    await page.getByTestId("table-devices").waitFor();
    const s23 = planner.deviceClass("samsung-s23");
    await s23.getByTestId("device-detail-toggle").click();
    await expect.poll(() => planner.decodeCell("Samsung Galaxy S23")).toMatch(/tok\/s \(estimated\)$/);
    const before = parseFloat(await planner.decodeCell("Samsung Galaxy S23"));

    expect(await s23.getByTestId("device-calibration").innerText()).toMatch(/^llama\.cpp reaches \d+% of the bandwidth bound on this phone, median of \d+ model variants measured/);
    const use = s23.getByTestId("use-calibration");
    const efficiency = Number((await use.innerText()).replace(/^Use /, ""));
    expect(efficiency).toBeGreaterThan(0);
    expect(efficiency).toBeLessThan(1);
    await use.click();

    // With an efficiency set, the estimate is efficiency × bandwidth ÷ size: the S23's 67.2 GB/s ÷ 0.35 GB (seed figures).
    const expected = (efficiency * 67.2) / 0.35;
    await expect.poll(async () => parseFloat(await planner.decodeCell("Samsung Galaxy S23"))).toBeCloseTo(expected, 0);
    expect(await s23.getByTestId("input-device-efficiency").inputValue()).toBe(String(efficiency));
    const s23InLink = async () =>
      ((await planner.scenarioParam()).devices as { device: unknown; bandwidthEfficiency?: number }[]).find((d) => d.device === "samsung-s23");
    await expect.poll(async () => (await s23InLink())?.bandwidthEfficiency).toBe(efficiency);

    await s23.getByTestId("reset-device-efficiency").click();
    await expect.poll(async () => parseFloat(await planner.decodeCell("Samsung Galaxy S23"))).toBe(before);
    expect(await s23.getByTestId("input-device-efficiency").count()).toBe(0);
    await expect.poll(async () => (await s23InLink())?.bandwidthEfficiency).toBeUndefined();
  });

  it("draws which inputs move the savings, lists them in the table view, and says so when no phone runs the model", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    const tornado = page.getByTestId("chart-tornado");
    await tornado.locator(".recharts-bar-rectangle").first().waitFor();
    expect(await tornado.locator("[role=img]").getAttribute("aria-label")).toMatch(/moves them most/);

    await planner.setMonthlyActiveUsers("60000");
    const param = await planner.scenarioParam();
    await planner.open(`?s=${encodeURIComponent(JSON.stringify({ ...param, devices: [] }))}`);
    await planner.waitForResults();
    expect(await page.getByTestId("tornado-empty").innerText()).toMatch(/^The hybrid runs nothing on phones here/);
    await page.getByTestId("view-table").click();
    const table = await planner.tableCells("tornado");
    expect(table[0]).toEqual(["Input", "Input −25%", "As entered", "Input +25%", "Savings at −25%", "Savings at +25%", "Change at −25%", "Change at +25%", "Swing"]);
    expect(table.find((row) => row[0] === "Hybrid set-up cost")?.[8]).toMatch(/^\$/);
  });

  it("asks before an example replaces edits, and undoes the replacement", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.changeMonthlyActiveUsers("77000");

    await page.getByTestId("example-picker").selectOption("document-assistant");
    await page.getByTestId("example-confirm").waitFor();
    await page.getByRole("button", { name: "Keep my edits" }).click();
    expect(await page.getByTestId("example-confirm").count()).toBe(0);
    expect(await page.getByTestId("input-mau").inputValue()).toBe("77000");

    await page.getByTestId("example-picker").selectOption("document-assistant");
    await page.getByTestId("example-confirm-yes").click();
    // The example file's 20,000 monthly users.
    await expect.poll(() => page.getByTestId("input-mau").inputValue()).toBe("20000");
    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect.poll(() => page.getByTestId("input-mau").inputValue()).toBe("77000");
  });

  it("names the limits in force on the answer and lifts one in a click", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    // The default example sets an 8,000 ms budget; the engine bounds the whole response by it.
    const limit = page.getByTestId("limit-latency");
    expect(await limit.innerText()).toMatch(/^(Binds: )?Latency budget: 8,000 ms for the whole response\. Remove the budget/);
    await page.getByTestId("lift-latency").click();
    await expect.poll(() => page.getByTestId("limit-latency").count()).toBe(0);
    expect(((await planner.scenarioParam()).constraints as Record<string, unknown>).latencyBudgetMs).toBeNull();
  });

  it("lays out every number field the catalogue places, once, and a parameter added there (retries) reaches the plan and its link", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    for (const fold of ["fold-traffic", "fold-cloud", "fold-costs", "fold-constraints"]) await page.getByTestId(fold).locator("summary").click();
    await page.getByTestId("override-price").click();
    const paths = await page.locator("input[data-path]").evaluateAll((inputs) => inputs.map((i) => i.getAttribute("data-path")));
    expect(new Set(paths).size).toBe(paths.length);
    const placed = (["traffic", "traffic.overTime", "cloud.customPrice", "cloud.usage", "costs", "constraints"] as const).flatMap((section) =>
      editorFields(section).filter((f) => f.widget !== "custom").map((f) => f.pattern),
    );
    expect(placed.length).toBe(29);
    expect(paths).toEqual(expect.arrayContaining(placed));
    // The catalogue's label, beside the field and in its message.
    const input = page.locator('input[data-path="cloud.price.inputUsdPerMTok"]');
    expect(await page.locator(`label[for="${await input.getAttribute("id")}"]`).innerText()).toBe("Input price");

    const before = await planner.tco();
    await page.locator('input[data-path="cloud.retryShare"]').fill("25");
    // The link and the answer follow the replan; on a loaded machine that may take more than a second.
    await expect.poll(async () => ((await planner.scenarioParam()).cloud as { retryShare?: number }).retryShare, { timeout: 10_000 }).toBe(0.25);
    await expect.poll(() => planner.tco(), { timeout: 10_000 }).not.toBe(before);
    // Folded, the cloud's fold still says a share is retried.
    expect(await page.getByTestId("fold-cloud").locator("summary").innerText()).toMatch(/, 25% retried, 80 ms,/);
    await page.locator('input[data-path="cloud.retryShare"]').fill("-5");
    await page.getByText("Cloud requests retried can't be negative").first().waitFor();
  });
});
