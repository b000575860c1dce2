import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/variants/[id]/runs/route";
import { loadCachedCatalogue } from "@/db/queries/snapshot-cache";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

const get = (id: string) => GET(new Request(`http://localhost/api/variants/${id}/runs`), { params: Promise.resolve({ id }) });

describe("GET /api/variants/{id}/runs", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createTempDatabase();
    process.env.DATABASE_URL = temp.url;
    delete (globalThis as { appDatabase?: unknown }).appDatabase;
    const file: BenchmarkFileInput = {
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "Bench of two variants" },
      devices: [{ id: "test-phone", name: "Test Phone", memoryBandwidthGBps: 67 }],
      models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
      variants: [
        { id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" },
        { id: "tiny-1b-q8_0", modelId: "tiny-1b", quantization: "Q8_0", sizeGB: 1.1, status: "measured" },
      ],
      quality: [],
      runs: [
        { deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 30.5 },
        { deviceId: "test-phone", variantId: "tiny-1b-q8_0", runtime: "llama.cpp", status: "claimed", decodeTokensPerSec: 18 },
        { deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "MLC-LLM", status: "claimed", decodeTokensPerSec: 41 },
      ],
      prices: [],
    };
    await ingestNativeFile(temp.db, file);
  });
  afterAll(() => temp.close());

  it("answers the variant's runs only, each with its status and source", async () => {
    const res = await get("tiny-1b-q4_0");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { variantId: string; runs: { runtime: string; decodeTokensPerSec: number; provenance: { status: string; source: string } }[] };
    expect(body.variantId).toBe("tiny-1b-q4_0");
    // Runs 1 and 3 of the file; run 2 is the Q8_0 variant's.
    expect(body.runs.map((r) => [r.runtime, r.decodeTokensPerSec, r.provenance.status, r.provenance.source])).toEqual([
      ["llama.cpp", 30.5, "measured", "Bench of two variants"],
      ["MLC-LLM", 41, "claimed", "Bench of two variants"],
    ]);
    const direct = await loadDatasetSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
    expect(body.runs).toEqual(direct.runs);
  });

  it("answers 404 for a variant the dataset lacks", async () => {
    const res = await get("no-such-variant");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found:variant");
  });

  it("has a catalogue with every device, variant and price and no runs", async () => {
    const catalogue = await loadCachedCatalogue(temp.db);
    expect(catalogue.runs).toEqual([]);
    expect(catalogue.variants.map((v) => v.id).sort()).toEqual(["tiny-1b-q4_0", "tiny-1b-q8_0"]);
    // The Q4_0 llama.cpp run is the only measured one: the device is calibrated from it.
    expect(catalogue.devices[0]?.calibrations?.map((c) => c.runtime)).toEqual(["llama.cpp"]);
  });
});
