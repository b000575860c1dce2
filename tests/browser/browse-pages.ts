/** Page objects for the benchmarks and pricing pages: the selectors their browser tests share. */
import type { Page } from "playwright-core";
import { baseUrl } from "./browser";

/** A listing page that shows how many rows its filters select. */
class CountedListPage {
  constructor(
    readonly page: Page,
    private readonly path: string,
    private readonly countTestId: string,
  ) {}

  /** Opens the page at `query` and waits for its count. */
  async open(query = ""): Promise<void> {
    await this.page.goto(`${baseUrl}${this.path}${query}`);
    await this.page.getByTestId(this.countTestId).waitFor();
  }

  /** The count as a number ("1,234" → 1234). */
  async count(): Promise<number> {
    return Number((await this.page.getByTestId(this.countTestId).innerText()).replace(/[^0-9]/g, ""));
  }
}

export class BenchmarksPage extends CountedListPage {
  constructor(page: Page) {
    super(page, "/benchmarks", "run-count");
  }

  /** Chooses a filter value and waits until the address carries it and the navigation has finished. */
  async filter(key: string, value: string): Promise<void> {
    await this.page.getByTestId(`filter-${key}`).selectOption(value);
    await this.page.waitForURL(new RegExp(`[?&]${key}=${encodeURIComponent(value)}(&|$)`));
    await this.page.locator("[data-testid=benchmark-filters][aria-busy=false]").waitFor();
  }

  /** Clicks a sortable header and waits for the address to name that sort and order. */
  async sortBy(column: string, order: "asc" | "desc"): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
    await this.page.waitForURL(new RegExp(`sort=${column}&order=${order}`));
    await this.page.locator(`th[aria-sort=${order === "asc" ? "ascending" : "descending"}]`).waitFor();
  }

  rows() {
    return this.page.getByTestId("run-row");
  }

  async rowStatuses(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status") ?? ""));
  }

  async rowIds(): Promise<number[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-run-id"))));
  }

  /** Decode tok/s of each row in order; null where the run reports none. */
  async decodeColumn(): Promise<(number | null)[]> {
    const texts = await this.page.getByTestId("cell-decode").allInnerTexts();
    return texts.map((t) => (t.trim() === "–" ? null : Number(t.replace(/,/g, ""))));
  }

  async csvHref(): Promise<string> {
    return (await this.page.getByTestId("export-csv").getAttribute("href")) ?? "";
  }
}

export class PricingPage extends CountedListPage {
  constructor(page: Page) {
    super(page, "/pricing", "price-count");
  }

  rows() {
    return this.page.getByTestId("price-row");
  }

  async providers(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-provider") ?? ""));
  }

  /** The provider options as [value, models] pairs, "All providers" left out. */
  async providerOptions(): Promise<[string, number][]> {
    return this.page
      .getByTestId("filter-provider")
      .locator("option")
      .evaluateAll((options) =>
        options
          .map((o) => [(o as HTMLOptionElement).value, Number(/\((\d+)\)$/.exec(o.textContent ?? "")?.[1] ?? 0)] as [string, number])
          .filter(([value]) => value !== ""),
      );
  }

  async filterByProvider(provider: string): Promise<void> {
    await this.page.getByTestId("filter-provider").selectOption(provider);
    await this.page.waitForURL(new RegExp(`[?&]provider=${encodeURIComponent(provider)}`));
    await this.page.waitForFunction(
      (p) => [...document.querySelectorAll("[data-testid=price-row]")].every((r) => r.getAttribute("data-provider") === p),
      provider,
    );
  }
}
