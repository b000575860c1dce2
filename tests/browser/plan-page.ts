/** Page objects for the planner and a shared plan: the selectors the browser tests share. */
import type { Page } from "playwright-core";
import { baseUrl } from "./browser";

export class PlannerPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`${baseUrl}/plan${query}`);
  }

  /** Waits for the results of the first plan (the charts draw after hydration). */
  async waitForResults(): Promise<void> {
    await this.page.getByTestId("rec-tco").waitFor();
    await this.page.getByTestId("chart-cumulative-tco").locator(".recharts-line-curve").first().waitFor();
  }

  tco(): Promise<string> {
    return this.page.getByTestId("rec-tco").innerText();
  }

  /** The drawn path of each line of the cumulative-cost chart. */
  cumulativeLinePaths(): Promise<string[]> {
    return this.page
      .getByTestId("chart-cumulative-tco")
      .locator("path.recharts-line-curve")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? ""));
  }

  async setMonthlyActiveUsers(value: string): Promise<void> {
    await this.page.getByTestId("input-mau").fill(value);
  }

  /** Types a new MAU and waits for the replanned TCO (planning is deferred behind typing). */
  async changeMonthlyActiveUsers(value: string): Promise<void> {
    const before = await this.tco();
    await this.setMonthlyActiveUsers(value);
    await this.page.waitForFunction((old) => document.querySelector('[data-testid="rec-tco"]')?.textContent !== old, before);
  }

  /** The `s` parameter of the address, once the planner has written it. */
  async scenarioParam(): Promise<Record<string, unknown>> {
    await this.page.waitForURL(/[?&]s=/);
    const raw = new URL(this.page.url()).searchParams.get("s") ?? "";
    return JSON.parse(raw) as Record<string, unknown>;
  }

  async saveAndShare(): Promise<string> {
    await this.page.getByTestId("share-button").click();
    const link = this.page.getByTestId("share-link");
    await link.waitFor();
    return link.inputValue();
  }

  /** Key figures of the recommendation, as shown. */
  async figures(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const id of ["rec-strategy", "rec-tco", "rec-savings", "rec-break-even", "rec-edge-share"]) {
      out[id] = await this.page.getByTestId(id).innerText();
    }
    return out;
  }

  /** The editor's entry for one device class, by the class's key (its dataset id). */
  deviceClass(key: string) {
    return this.page.locator(`[data-testid="device-class"][data-device="${key}"]`);
  }

  /** The decode cell of a device class in the table view's device table, as shown ("115.2 tok/s (estimated)"). */
  async decodeCell(deviceName: string): Promise<string> {
    const table = await this.tableCells("devices");
    const column = table[0]!.indexOf("Decode");
    return table.find((row) => row[0] === deviceName)?.[column] ?? "";
  }

  /** A table of the table view as its cells' text, header first. */
  async tableCells(tableId: string): Promise<string[][]> {
    // The table view loads when it is chosen: wait for it rather than read an empty page.
    const table = this.page.getByTestId(`table-${tableId}`);
    await table.locator("tr").first().waitFor();
    return table
      .locator("tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText)));
  }
}

/** The planner opened in `page` (at `query`), once its first plan's results are shown. */
export async function openPlanner(page: Page, query = ""): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await planner.open(query);
  await planner.waitForResults();
  return planner;
}
