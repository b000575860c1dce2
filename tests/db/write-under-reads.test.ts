import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDataVersion } from "@/db/queries/data-version";
import { ingestBenchmarkFile } from "@/db/queries/ingest";
import { getSharedScenarioById, insertSharedScenario } from "@/db/queries/scenarios";
import { withWriteLock } from "@/db/write-lock";
import { benchmarkFileSchema } from "@/lib/schemas/benchmark-file";
import { createTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("an upload's transaction under reads and other writes", () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await createTempDatabase();
  });
  afterEach(() => temp.close());

  it("the database file is migrated into write-ahead-log mode", async () => {
    const [row] = await temp.db.all<{ journal_mode: string }>(sql`pragma journal_mode`);
    expect(row?.journal_mode).toBe("wal");
  });

  it("reads keep answering between its chunks and a scenario saved meanwhile waits its turn", { timeout: 60_000 }, async () => {
    // 20,000 runs with 200-character notes ≈ 6 MB of pages, past SQLite's 2 MB page cache:
    // in the rollback journal that spill would lock readers out until the commit.
    const runs = Array.from({ length: 20_000 }, (_, i) => ({
      deviceId: "test-phone",
      variantId: "tiny-1b-q4_0",
      runtime: "llama.cpp",
      status: "measured" as const,
      decodeTokensPerSec: 1 + i / 1000,
      notes: "n".repeat(200),
    }));
    const file = benchmarkFileSchema.parse({
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "big" },
      devices: [{ id: "test-phone", name: "Test Phone" }],
      models: [{ id: "tiny-1b", name: "Tiny 1B" }],
      variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", status: "measured" }],
      quality: [],
      runs,
      prices: [],
    });
    const before = await readDataVersion(temp.db);
    let committed = false;
    let readsDuring = 0;
    const failures: string[] = [];
    const upload = withWriteLock(() => temp.db.transaction((tx) => ingestBenchmarkFile(tx, file, { format: "native" }))).finally(() => {
      committed = true;
    });
    let saved: Promise<string> | null = null;
    while (!committed) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (committed) break;
      try {
        // Uncommitted rows are not seen: the version stays where it was.
        expect(await readDataVersion(temp.db)).toBe(before);
        readsDuring++;
      } catch (error) {
        failures.push(String(error));
      }
      saved ??= insertSharedScenario(temp.db, { id: "share-test-id", version: 1, scenarioJson: "{}", dataJson: "{}", contentHash: "hash-of-test-share" });
    }
    await upload;
    const id = await saved!;
    expect(failures).toEqual([]);
    expect(readsDuring).toBeGreaterThan(0);
    expect(await getSharedScenarioById(temp.db, id)).not.toBeNull();
  });
});
