import { describe, expect, it } from "vitest";
import { baseUrl, browserForBlock } from "./browser";

/** A phone's llama-bench capture: cpu_info says only "CPU", so the device must be named. */
const capture = JSON.stringify([
  { cpu_info: "CPU", backends: "CPU", model_filename: "qwen3-1.7b-q4_0.gguf", model_type: "qwen3 1.7B Q4_0", model_size: 1_050_000_000, model_n_params: 1_720_000_000, n_threads: 8, n_gpu_layers: 0, n_prompt: 512, n_gen: 0, avg_ts: 88.8, test_time: "2026-11-20T08:00:00Z" },
  { cpu_info: "CPU", backends: "CPU", model_filename: "qwen3-1.7b-q4_0.gguf", model_type: "qwen3 1.7B Q4_0", model_size: 1_050_000_000, model_n_params: 1_720_000_000, n_threads: 8, n_gpu_layers: 0, n_prompt: 0, n_gen: 128, avg_ts: 17.3, test_time: "2026-11-20T08:00:10Z" },
]);

describe.skipIf(!baseUrl)("upload page", () => {
  const browser = browserForBlock();

  it("asks for the device, previews, commits, and the run is listed under its upload", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/upload`);
    await page.getByTestId("upload-file").setInputFiles({ name: "phone-bench.json", mimeType: "application/json", buffer: Buffer.from(capture) });
    await expect.poll(() => page.getByTestId("upload-errors").innerText()).toMatch(/Name the device/);
    expect(await page.getByTestId("upload-commit").isDisabled()).toBe(true);

    await page.getByTestId("upload-device").selectOption("samsung-s23");
    await expect.poll(() => page.getByTestId("upload-runs").innerText()).toBe("1");
    expect(await page.getByTestId("upload-format").innerText()).toBe("llama-bench");
    await page.getByTestId("upload-commit").click();
    await page.getByTestId("upload-id").waitFor();
    const uploadId = Number((await page.getByTestId("upload-id").innerText()).replace(/\D/g, ""));

    const listed = await (await fetch(`${baseUrl}/api/benchmarks?uploadId=${uploadId}`)).json();
    expect(listed.runs.map((r: { metrics: { decodeTokensPerSec: number } }) => r.metrics.decodeTokensPerSec)).toEqual([17.3]);

    // The upload is listed below the form and can be deleted, taking its run with it.
    const row = page.getByTestId("upload-list").locator("tr", { hasText: `${uploadId}. ` });
    await row.waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    const after = await (await fetch(`${baseUrl}/api/benchmarks?uploadId=${uploadId}`)).json();
    expect(after.total).toBe(0);
  });
});
