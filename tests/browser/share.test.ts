import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/db/client";
import { cloudPrices } from "@/db/schema";
import { baseUrl, browserForBlock } from "./browser";
import { openPlanner, PlannerPage } from "./plan-page";

describe.skipIf(!baseUrl)("share links", () => {
  const browser = browserForBlock();
  let database: OpenedDatabase;
  const insertedPriceIds: number[] = [];
  let shareUrl = "";
  let savedFigures: Record<string, string> = {};

  beforeAll(async () => {
    database = openDatabase(inject("databaseUrl"));
  });
  afterAll(async () => {
    // Put the price list back for the test files that run after this one.
    for (const id of insertedPriceIds) await database?.db.delete(cloudPrices).where(eq(cloudPrices.id, id));
    database?.client.close();
  });

  it("saves a scenario and shows the same numbers to a fresh browser", async () => {
    const page = await browser.newPage();
    const planner = await openPlanner(page);
    await planner.changeMonthlyActiveUsers("250000");
    await page.waitForURL(/250000/);
    savedFigures = await planner.figures();
    shareUrl = await planner.saveAndShare();
    expect(shareUrl).toMatch(/\/s\/[1-9A-HJ-NP-Za-km-z]{12}$/);

    // A page of its own context: none of the first page's storage.
    const shared = await browser.newPage();
    await shared.goto(shareUrl);
    await shared.getByTestId("shared-plan").waitFor();
    expect(await new PlannerPage(shared).figures()).toEqual(savedFigures);
    expect(await shared.getByTestId("data-unchanged").count()).toBe(1);
  });

  it("keeps the saved numbers when a price changes and offers the recompute with the difference", async () => {
    expect(shareUrl).not.toBe("");
    const { db } = database;
    // The default scenario's cloud price: raise it tenfold from today.
    const apiResponse = await fetch(`${shareUrl.replace("/s/", "/api/scenarios/")}`);
    const stored = (await apiResponse.json()) as { scenario: { cloud: { price: string } } };
    const priceKey = stored.scenario.cloud.price;
    const [provider, ...rest] = priceKey.split("/");
    const modelKey = rest.join("/");
    const [current] = await db
      .select()
      .from(cloudPrices)
      .where(and(eq(cloudPrices.provider, provider!), eq(cloudPrices.modelKey, modelKey)))
      .orderBy(cloudPrices.effectiveDate);
    expect(current).toBeDefined();
    const today = new Date().toISOString().slice(0, 10);
    const row = current!;
    const [inserted] = await db
      .insert(cloudPrices)
      .values({
        ...row,
        id: undefined,
        inputUsdPerMTok: (row.inputUsdPerMTok ?? 1) * 10,
        outputUsdPerMTok: row.outputUsdPerMTok * 10,
        effectiveDate: today,
        // A new price from today on, whatever the copied version's end (llm-prices versions have one).
        effectiveUntil: null,
      })
      .returning({ id: cloudPrices.id });
    insertedPriceIds.push(inserted!.id);

    const page = await browser.newPage();
    await page.goto(shareUrl);
    await page.getByTestId("data-changes").waitFor();
    const planner = new PlannerPage(page);
    expect(await planner.figures()).toEqual(savedFigures);
    const changes = await page.getByTestId("data-change").allInnerTexts();
    expect(changes.some((c) => c.startsWith(`price ${priceKey}: inputUsdPerMTok`) && c.includes("→"))).toBe(true);

    await page.getByTestId("recompute").click();
    const diff = page.getByTestId("plan-diff");
    await diff.waitFor();
    const cloudRow = await diff.locator("tr", { hasText: "Cloud-only TCO" }).innerText();
    expect(cloudRow).toMatch(/\+\$/);
    expect(await planner.tco()).not.toBe(savedFigures["rec-tco"]);

    // Back to the saved numbers, and the saved link itself never changed.
    await page.getByTestId("recompute").click();
    await expect.poll(() => planner.figures()).toEqual(savedFigures);
  });

  it("opens a copy in the editor with the saved scenario in the address", async () => {
    const page = await browser.newPage();
    await page.goto(shareUrl);
    await page.getByTestId("open-in-editor").click();
    await page.waitForURL(/\/plan\?s=/);
    await new PlannerPage(page).waitForResults();
    expect(await page.getByTestId("input-mau").inputValue()).toBe("250000");
  });

  it("answers an unknown or malformed share id with the 404 page", async () => {
    const page = await browser.newPage();
    for (const id of ["not-a-share-id", "123456789ABC"]) {
      const response = await page.goto(`${baseUrl}/s/${id}`);
      expect(response?.status()).toBe(404);
      await page.getByTestId("shared-not-found").waitFor();
    }
  });
});
