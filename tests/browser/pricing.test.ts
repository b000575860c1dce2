import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, newPageForEachTest } from "./browser";
import { PricingPage } from "./browse-pages";

describe.skipIf(!baseUrl)("pricing page", () => {
  let page: Page;
  let pricing: PricingPage;
  newPageForEachTest((opened) => {
    page = opened;
    pricing = new PricingPage(opened);
  });

  it("shows the LiteLLM feed's prices per 1M tokens with their source and status", async () => {
    await pricing.open();
    const rows = await pricing.rows().count();
    expect(rows).toBeGreaterThan(10);
    expect(await pricing.count()).toBe(rows);
    const fromLiteLLM = pricing.rows().filter({ hasText: "LiteLLM" });
    expect(await fromLiteLLM.count()).toBeGreaterThan(10);
    const first = fromLiteLLM.first();
    await expect(first.getByTestId("price-input").innerText()).resolves.toMatch(/^\$\d/);
    await expect(first.getByTestId("price-output").innerText()).resolves.toMatch(/^\$\d/);
    await expect(first.locator(".status").innerText()).resolves.toMatch(/measured|claimed|estimated/);
  });

  it("filters by provider through the address", async () => {
    await pricing.open();
    const all = await pricing.count();
    const options = await pricing.providerOptions();
    expect(options.length).toBeGreaterThan(1);
    const [provider, models] = options[0]!;
    await pricing.filterByProvider(provider);
    expect(new Set(await pricing.providers())).toEqual(new Set([provider]));
    expect(await pricing.count()).toBe(models);
    expect(models).toBeLessThan(all);

    // The address alone gives the same view.
    await pricing.open(`?provider=${encodeURIComponent(provider)}`);
    expect(await pricing.count()).toBe(models);
  });

  it("folds a model's other price versions under its row", async () => {
    await pricing.open();
    // Seed articles quote prices that the LiteLLM feed's current versions supersede.
    const toggle = page.getByTestId("price-history-toggle").first();
    expect(await page.getByTestId("price-history-toggle").count()).toBeGreaterThan(0);
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await page.getByTestId("price-history").first().locator("tbody tr").count()).toBeGreaterThan(0);
  });

  it("keeps the articles' quotes apart from gpt-4.1's dated provider prices", async () => {
    await pricing.open("?provider=openai&q=gpt-4.1");
    const row = page.locator('[data-testid="price-row"][data-key="openai/gpt-4.1"]');
    // llm-prices read 2026-08-05 (shown) and LiteLLM of 2026-07-24 (history), both $2 / $8; no 2026-01-01 article quote.
    await expect(row.getByTestId("price-output").innerText()).resolves.toBe("$8.00");
    await row.getByTestId("price-history-toggle").click();
    const history = await page.getByTestId("price-history").first().innerText();
    expect(history).toContain("2026-07-24");
    expect(history).not.toContain("2026-01-01");
    // Seed 000's "$30" for GPT-4.1 is a claim of seed 000, listed under it.
    const quotes = page.getByTestId("price-quotes");
    const seed000 = quotes.getByTestId("price-quote-source").filter({ hasText: "Seed 000" });
    await expect(seed000.locator('[data-key="openai/gpt-4.1"]').innerText()).resolves.toContain("$30.00");
  });

  it("searches by model through the address, keeps the provider, and reads a bad address as the defaults", async () => {
    await pricing.open("?provider=openai");
    const all = await pricing.count();
    await page.getByTestId("price-search").fill("gpt-4.1");
    await page.getByTestId("price-search").press("Enter");
    await page.waitForURL(/\?provider=openai&q=gpt-4\.1$/);
    await expect.poll(() => pricing.count()).toBeLessThan(all);
    const names = await pricing.rows().locator("td:nth-child(2)").allInnerTexts();
    expect(names.every((n) => n.toLowerCase().includes("gpt-4.1"))).toBe(true);

    const res = await page.goto(`${baseUrl}/pricing?sort=cheapest&order=down&page=-2&metric=%3Cscript%3E`);
    expect(res?.status()).toBe(200);
    await page.getByTestId("price-count").waitFor();
    // Provider A→Z, the default order.
    const providers = await pricing.providers();
    expect(providers).toEqual([...providers].sort((a, b) => a.localeCompare(b)));
  });
});
