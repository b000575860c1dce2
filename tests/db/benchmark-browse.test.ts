import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  listBenchmarkFigureGroups,
  listRunsAboveBandwidthBound,
  listRunsWithEnergyFigures,
  listSampledBenchmarkPoints,
} from "@/db/queries/benchmark-charts";
import { getBenchmarkRunDetailById } from "@/db/queries/benchmark-detail";
import { listBenchmarkFacets } from "@/db/queries/benchmark-facets";
import {
  countBenchmarkRuns,
  listBenchmarkRunIds,
  listBenchmarkRunPage,
  listBenchmarkRuns,
  listBenchmarkRunsByIds,
} from "@/db/queries/benchmarks";
import { listCloudPriceProviders } from "@/db/queries/price-providers";
import { bestFiguresOf } from "@/lib/charts/best-figures";
import { benchmarkRunsToCsv } from "@/lib/csv/benchmark-runs-csv";
import { getBenchmarksQuerySchema } from "@/lib/schemas/api";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

/**
 * Two phones, two models, six runs:
 *   id 1  s23   tiny q4_0  llama.cpp/cpu     measured  decode 30   prefill 200  mem 900
 *   id 2  s23   tiny q4_0  llama.cpp/opencl  measured  decode 40   prefill 500  mem 700
 *   id 3  s23   big  q4_0  llama.cpp/cpu     measured  decode 8    (no prefill) mem 2600
 *   id 4  x7    tiny q4_0  llama.cpp/cpu     measured  decode 25   prefill 150  mem 950
 *   id 5  x7    big  q4_0  MLC-LLM           claimed   decode 28   ttft 800, power 4.5, throttle 35 % after 5 min
 *   id 6  x7    big  q4_0  MLC-LLM           claimed   no decode   battery 6 % / 30 min
 * Bandwidth: s23 67 GB/s, x7 77 GB/s; sizes: tiny 0.6 GB, big 4.8 GB.
 * Bounds: tiny on s23 67/0.6 = 111.7; big on x7 77/4.8 = 16.04, so run 5 (28 tok/s) is impossible.
 */
const file: BenchmarkFileInput = {
  format: "edge-llm-benchmarks",
  version: 1,
  source: { kind: "upload", title: "Phone lab" },
  devices: [
    { id: "s23", name: "Galaxy S23", soc: "Snapdragon 8 Gen 2", ramGB: 8, memoryBandwidthGBps: 67, batteryWh: 15 },
    {
      id: "x7",
      name: "POCO X7",
      soc: "Dimensity 8400",
      ramGB: 12,
      memoryBandwidthGBps: 77,
      batteryWh: 23,
      facts: { memoryBandwidthGBps: { status: "claimed", source: "vendor spec sheet" } },
    },
  ],
  models: [
    { id: "tiny", name: "Tiny 1B", paramsB: 1 },
    { id: "big", name: "Big 8B", paramsB: 8, architecture: "dense" },
  ],
  variants: [
    { id: "tiny-q4_0", modelId: "tiny", quantization: "Q4_0", sizeGB: 0.6, status: "measured" },
    { id: "big-q4_0", modelId: "big", quantization: "Q4_0", sizeGB: 4.8 },
  ],
  quality: [
    { modelId: "big", metric: "mmlu", score: 68.2 },
    { modelId: "big", variantId: "big-q4_0", metric: "gsm8k", score: 70, status: "measured" },
  ],
  runs: [
    { deviceId: "s23", variantId: "tiny-q4_0", runtime: "llama.cpp", backend: "cpu", status: "measured", decodeTokensPerSec: 30, prefillTokensPerSec: 200, peakMemoryMB: 900 },
    { deviceId: "s23", variantId: "tiny-q4_0", runtime: "llama.cpp", backend: "opencl", status: "measured", decodeTokensPerSec: 40, prefillTokensPerSec: 500, peakMemoryMB: 700 },
    { deviceId: "s23", variantId: "big-q4_0", runtime: "llama.cpp", backend: "cpu", status: "measured", decodeTokensPerSec: 8, peakMemoryMB: 2600 },
    { deviceId: "x7", variantId: "tiny-q4_0", runtime: "llama.cpp", backend: "cpu", status: "measured", decodeTokensPerSec: 25, prefillTokensPerSec: 150, peakMemoryMB: 950 },
    { deviceId: "x7", variantId: "big-q4_0", runtime: "MLC-LLM", status: "claimed", decodeTokensPerSec: 28, ttftMs: 800, promptTokens: 128, powerW: 4.5, throttlePct: 35, throttleAfterMin: 5, notes: "=cmd|' /C calc'!A0" },
    { deviceId: "x7", variantId: "big-q4_0", runtime: "MLC-LLM", status: "claimed", batteryDrainPctPer30Min: 6 },
  ],
  prices: [
    { provider: "openai", modelKey: "gpt-4.1", name: "GPT-4.1", inputUsdPerMTok: 2, outputUsdPerMTok: 8, effectiveDate: "2025-04-14" },
    { provider: "openai", modelKey: "gpt-4.1-mini", name: "GPT-4.1 mini", inputUsdPerMTok: 0.4, outputUsdPerMTok: 1.6, effectiveDate: "2025-04-14" },
    { provider: "deepseek", modelKey: "deepseek-chat", name: "DeepSeek V3", inputUsdPerMTok: 0.27, outputUsdPerMTok: 1.1, effectiveDate: "2025-01-01" },
    { provider: "deepseek", modelKey: "deepseek-chat", name: "DeepSeek V3", inputUsdPerMTok: 0.28, outputUsdPerMTok: 0.42, effectiveDate: "2025-09-29" },
  ],
};

const query = (q: Record<string, unknown>) => getBenchmarksQuerySchema.parse(q);

describe("browsing benchmark runs", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
    await ingestNativeFile(temp.db, file);
  });
  afterEach(() => temp.close());

  it("filters by SoC and by backend, and counts what the filter selects", async () => {
    const bySoc = await listBenchmarkRuns(temp.db, query({ soc: "Dimensity 8400" }));
    expect(bySoc.total).toBe(3);
    expect(bySoc.runs.map((r) => r.device.id)).toEqual(["x7", "x7", "x7"]);
    expect(await countBenchmarkRuns(temp.db, { device: "s23", backend: "cpu" })).toBe(2);
    expect(await countBenchmarkRuns(temp.db, { device: "s23", status: "claimed" })).toBe(0);
  });

  it("sorts by decode speed either way with unknown speeds last, and pages the sorted list", async () => {
    const desc = await listBenchmarkRuns(temp.db, query({ sort: "decode", order: "desc" }));
    expect(desc.runs.map((r) => r.metrics.decodeTokensPerSec)).toEqual([40, 30, 28, 25, 8, null]);
    const asc = await listBenchmarkRuns(temp.db, query({ sort: "decode", order: "asc" }));
    expect(asc.runs.map((r) => r.metrics.decodeTokensPerSec)).toEqual([8, 25, 28, 30, 40, null]);
    const page2 = await listBenchmarkRuns(temp.db, query({ sort: "decode", order: "desc", limit: 2, offset: 2 }));
    expect(page2.total).toBe(6);
    expect(page2.runs.map((r) => r.metrics.decodeTokensPerSec)).toEqual([28, 25]);
  });

  it("sorts by device name, then by run id within a device", async () => {
    const byDevice = await listBenchmarkRuns(temp.db, query({ sort: "device", order: "desc" }));
    // "POCO X7" > "Galaxy S23"; ids ascend within each device.
    expect(byDevice.runs.map((r) => r.id)).toEqual([4, 5, 6, 1, 2, 3]);
  });

  it("lists facet values with run counts, each facet ignoring its own filter", async () => {
    const facets = await listBenchmarkFacets(temp.db, { device: "x7" });
    // The device facet still offers both phones (3 runs each), so the choice can be switched.
    expect(facets.device).toEqual([
      { value: "s23", label: "Galaxy S23", runs: 3 },
      { value: "x7", label: "POCO X7", runs: 3 },
    ]);
    // Other facets count only the x7 runs: 1 measured llama.cpp run, 2 claimed MLC-LLM runs.
    expect(facets.status).toEqual([
      { value: "claimed", label: "claimed", runs: 2 },
      { value: "measured", label: "measured", runs: 1 },
    ]);
    // Labels sort without regard to case: "llama.cpp" before "MLC-LLM".
    expect(facets.runtime.map((v) => [v.value, v.runs])).toEqual([
      ["llama.cpp", 1],
      ["MLC-LLM", 2],
    ]);
    // The MLC-LLM runs have no backend: only "cpu" is offered.
    expect(facets.backend).toEqual([{ value: "cpu", label: "cpu", runs: 1 }]);
    expect(facets.source).toEqual([{ value: "1", label: "Phone lab", runs: 3 }]);
  });

  it("groups the runs by device, variant and status with their best figures", async () => {
    const groups = await listBenchmarkFigureGroups(temp.db, {});
    const rows = groups
      .map((g) => [g.deviceId, g.modelId, g.status, g.runs, g.maxDecodeTokensPerSec, g.maxPrefillTokensPerSec, g.minTtftMs])
      .sort((a, b) => String(a).localeCompare(String(b)));
    // Run 6 has none of the three figures, so x7/big/claimed holds run 5 alone.
    expect(rows).toEqual([
      ["s23", "big", "measured", 1, 8, null, null],
      ["s23", "tiny", "measured", 2, 40, 500, null],
      ["x7", "big", "claimed", 1, 28, null, 800],
      ["x7", "tiny", "measured", 1, 25, 150, null],
    ]);
    const best = bestFiguresOf(groups, "decode");
    expect(best.map((b) => [b.modelName, b.deviceName, b.value, b.status])).toEqual([
      ["Big 8B", "Galaxy S23", 8, "measured"],
      ["Big 8B", "POCO X7", 28, "claimed"],
      ["Tiny 1B", "Galaxy S23", 40, "measured"],
      ["Tiny 1B", "POCO X7", 25, "measured"],
    ]);
    expect((await listBenchmarkFigureGroups(temp.db, { model: "tiny", backend: "opencl" })).map((g) => g.maxDecodeTokensPerSec)).toEqual([40]);
  });

  it("samples the runs whose id is a multiple of k = ⌈n ÷ limit⌉ for the scatter plots", async () => {
    // 5 runs have a decode speed or a peak memory (run 6 has neither); limit 2 → k = ⌈5/2⌉ = 3 → run 3 (ids 3, 6; 6 lacks figures).
    const sample = await listSampledBenchmarkPoints(temp.db, {}, 2);
    expect(sample.total).toBe(5);
    expect(sample.points.map((p) => p.id)).toEqual([3]);
    const all = await listSampledBenchmarkPoints(temp.db, {}, 100);
    expect(all.points.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
    expect(all.points[4]).toMatchObject({ deviceName: "POCO X7", memoryBandwidthGBps: 77, sizeGB: 4.8, architecture: "dense" });
    // Filtered through a subquery on the catalog: the SoC names the device.
    const bySoc = await listSampledBenchmarkPoints(temp.db, { soc: "Dimensity 8400" }, 100);
    expect(bySoc.points.map((p) => p.id)).toEqual([4, 5]);
  });

  it("finds the runs above the bandwidth bound and the runs with energy figures", async () => {
    // Run 5: 28 tok/s × 4.8 GB = 134.4 GB/s > 77 GB/s. Run 3: 8 × 4.8 = 38.4 < 67.
    const above = await listRunsAboveBandwidthBound(temp.db, {}, 10);
    expect(above.map((p) => p.id)).toEqual([5]);
    expect(await listRunsAboveBandwidthBound(temp.db, { status: "measured" }, 10)).toEqual([]);
    const energy = await listRunsWithEnergyFigures(temp.db, {}, 10);
    expect(energy.map((p) => [p.id, p.powerW, p.batteryDrainPctPer30Min, p.throttlePct])).toEqual([
      [5, 4.5, null, 35],
      [6, null, 6, null],
    ]);
  });

  it("returns everything known about one run, and null for an unknown id", async () => {
    const detail = await getBenchmarkRunDetailById(temp.db, 5);
    expect(detail?.run).toMatchObject({ id: 5, status: "claimed", runtime: "MLC-LLM", backend: null });
    expect(detail?.run.metrics).toMatchObject({ ttftMs: 800, promptTokens: 128, powerW: 4.5, throttleAfterMin: 5 });
    expect(detail?.device.memoryBandwidthGBps).toEqual({ value: 77, status: "claimed", source: "vendor spec sheet" });
    expect(detail?.device.sourceTitle).toBe("Phone lab");
    expect(detail?.model).toMatchObject({ id: "big", paramsB: 8, architecture: "dense" });
    expect(detail?.variantSizeStatus).toBe("claimed");
    expect(detail?.quality.map((q) => [q.metric, q.score, q.status, q.variantLevel])).toEqual([
      ["gsm8k", 70, "measured", true],
      ["mmlu", 68.2, "claimed", false],
    ]);
    expect(await getBenchmarkRunDetailById(temp.db, 999)).toBeNull();
  });

  it("writes exactly the filtered runs as CSV, a formula-looking cell defused", async () => {
    // The export reads the ordered ids first, then the runs by id in chunks.
    const ids = await listBenchmarkRunIds(temp.db, { device: "x7", sort: "decode", order: "desc" });
    expect(ids).toEqual([5, 4, 6]);
    const runs = await listBenchmarkRunsByIds(temp.db, ids);
    expect(runs.map((r) => r.id)).toEqual(ids);
    const page = await listBenchmarkRunPage(temp.db, { device: "x7", sort: "decode", order: "desc", limit: 100, offset: 0 });
    expect(page).toEqual(runs);
    const csv = benchmarkRunsToCsv(runs, true);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.id, r.deviceId, r.decodeTokensPerSec, r.status])).toEqual([
      ["5", "x7", "28", "claimed"],
      ["4", "x7", "25", "measured"],
      ["6", "x7", "", "claimed"],
    ]);
    expect(parsed.data[0]?.notes).toBe("'=cmd|' /C calc'!A0");
    expect(parsed.data[0]?.sourceTitle).toBe("Phone lab");
  });

  it("lists price providers with their number of distinct models", async () => {
    expect(await listCloudPriceProviders(temp.db)).toEqual([
      { provider: "deepseek", models: 1 },
      { provider: "openai", models: 2 },
    ]);
  });
});
