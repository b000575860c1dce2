import { eq } from "drizzle-orm";
import type { ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/db/client";
import { scenarios } from "@/db/schema";
import { baseUrl, browserForBlock } from "./browser";
import { PlannerPage } from "./plan-page";

describe.skipIf(!baseUrl)("pages under their security policy and long scenarios", () => {
  const browser = browserForBlock();
  let database: OpenedDatabase;
  beforeAll(() => {
    database = openDatabase(inject("databaseUrl"));
  });
  afterAll(() => {
    database?.client.close();
  });

  it("runs the planner under a nonce CSP without a single refused script", async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${baseUrl}/plan`);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const planner = new PlannerPage(page);
    await planner.waitForResults();
    await planner.changeMonthlyActiveUsers("120000");
    await page.waitForURL(/120000/);
    expect(refused).toEqual([]);
  });

  it("opens a scenario too long for a link from its share id", async () => {
    // 200 inline runs on inline phones: ≈ 30 KB of JSON, past the 16 KB Node takes in a request head.
    const device = { name: "A phone with a long marketing name", ramGB: 8, memoryBandwidthGBps: 60, batteryWh: 15 };
    const scenario = {
      version: 1,
      name: "Long scenario",
      devices: [{ device: "samsung-s23", share: 0.5 }],
      edge: {
        variant: "qwen3-1.7b-q4_0",
        runs: Array.from({ length: 200 }, (_, i) => ({ device: { ...device, id: `long-phone-${i}` }, decodeTokensPerSec: 10 + i / 10 })),
      },
      cloud: { price: "deepseek/deepseek-chat" },
    };
    const saved = await fetch(`${baseUrl}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(scenario),
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };

    const page = await browser.newPage();
    await page.goto(`${baseUrl}/s/${id}`);
    await page.getByTestId("open-in-editor").click();
    await page.waitForURL(new RegExp(`/plan\\?from=${id}$`));
    await new PlannerPage(page).waitForResults();
    expect(await page.getByTestId("share-too-long").isVisible()).toBe(true);
  });

  it("shows a shared plan whose stored figures are absurd instead of answering 500", async () => {
    const saved = await fetch(`${baseUrl}/api/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: 1,
        name: "Absurd battery",
        devices: [{ device: "samsung-s23", share: 1 }],
        edge: { variant: "qwen3-1.7b-q4_0" },
        cloud: { price: "deepseek/deepseek-chat" },
      }),
    });
    const { id } = (await saved.json()) as { id: string };
    // What an upload could store before uploads had physical bounds: a 1e-300 Wh battery, runs at 1e300 W.
    const [row] = await database.db.select().from(scenarios).where(eq(scenarios.id, id));
    const data = JSON.parse(row!.dataJson) as { devices: { batteryWh: number | null }[]; runs: { powerW: number | null }[] };
    for (const d of data.devices) d.batteryWh = 1e-300;
    for (const r of data.runs) r.powerW = 1e300;
    await database.db.update(scenarios).set({ dataJson: JSON.stringify(data) }).where(eq(scenarios.id, id));

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(`${baseUrl}/s/${id}`);
    expect(response?.status()).toBe(200);
    await page.getByTestId("open-in-editor").waitFor();
    expect(errors).toEqual([]);
  });

  it("holds back an implausible run on the upload page until the person ticks the box, then stores it", async () => {
    // 500 tok/s from a 1.2 GB model on the S23's 67.2 GB/s is over the 54.8 tok/s bound.
    const capture = JSON.stringify([
      { cpu_info: "CPU", backends: "CPU", model_filename: "qwen3-1.7b-q4_0.gguf", model_type: "qwen3 1.7B Q4_0", model_size: 1_050_000_000, model_n_params: 1_720_000_000, n_threads: 8, n_gpu_layers: 0, n_prompt: 0, n_gen: 128, avg_ts: 500, test_time: "2026-11-21T08:00:10Z" },
    ]);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/upload`);
    // The device first, so that choosing the file sends the one dry run that counts.
    await page.getByTestId("upload-device").selectOption("samsung-s23");
    await page.getByTestId("upload-file").setInputFiles({ name: "too-fast.json", mimeType: "application/json", buffer: Buffer.from(capture) });
    await page.getByTestId("upload-held").waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId("upload-held").innerText()).toMatch(/bandwidth/i);
    expect(await page.getByTestId("upload-commit").isDisabled()).toBe(true);
    await page.getByTestId("upload-confirm-held").locator("input").check();
    await page.getByTestId("upload-commit").click();
    await page.getByTestId("upload-id").waitFor();
    const uploadId = Number((await page.getByTestId("upload-id").innerText()).replace(/\D/g, ""));
    const listed = (await (await fetch(`${baseUrl}/api/benchmarks?uploadId=${uploadId}`)).json()) as { runs: { metrics: { decodeTokensPerSec: number } }[] };
    expect(listed.runs.map((r) => r.metrics.decodeTokensPerSec)).toEqual([500]);
    await fetch(`${baseUrl}/api/uploads/${uploadId}`, { method: "DELETE" });
  });
});
