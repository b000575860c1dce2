/**
 * What keptAcrossWrites asks of a value's reads as the database changes: read once, kept while
 * nothing is written, brought forward with exactly the runs added since, read again when that
 * cannot be or a source or catalogue fact it was read with is gone.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { keptAcrossWrites } from "@/db/queries/carried-run-reads";
import { deleteUpload } from "@/db/queries/uploads";
import { devices } from "@/db/schema";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase } from "../helpers/temp-db";

/** A source of `n` runs on one phone and one variant. */
function file(title: string, n: number): BenchmarkFileInput {
  return {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "test-phone", name: "Test Phone", kind: "phone", memoryBandwidthGBps: 67 }],
    models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
    variants: [{ id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" }],
    quality: [],
    runs: Array.from({ length: n }, (_, i) => ({ deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured" as const, decodeTokensPerSec: 10 + i })),
    prices: [],
  };
}

describe("keptAcrossWrites", () => {
  it("reads a value once per key, then takes in only the runs added since, and reads again when a source or catalogue fact it was read with is gone or the runs added cannot be taken in", async () => {
    const temp = await createTempDatabase();
    const { db } = temp;
    try {
      const calls: string[] = [];
      // The value: the range of run ids it holds, as text.
      const carried = keptAcrossWrites<string>(10);
      const reads = {
        read: async (through: number) => {
          calls.push(`read ≤${through}`);
          return `1-${through}`;
        },
        withAdded: async (previous: string, after: number, through: number) => {
          calls.push(`added ${after + 1}-${through}`);
          // Ten added runs at most, to see the read again past it.
          return through - after > 10 ? null : `${previous.split("-")[0]}-${through}`;
        },
      };

      await ingestNativeFile(db, file("first", 3));
      expect(await carried(db, "k", reads)).toBe("1-3");
      // No write: the kept value, nothing read.
      expect(await carried(db, "k", reads)).toBe("1-3");
      expect(calls).toEqual(["read ≤3"]);

      // Runs 4 and 5 added: only they are looked up.
      await ingestNativeFile(db, file("second", 2));
      expect(await carried(db, "k", reads)).toBe("1-5");
      expect(calls).toEqual(["read ≤3", "added 4-5"]);

      // Runs 6-17 (12 > 10): withAdded gives up and the value is read again up to run 17.
      await ingestNativeFile(db, file("third", 12));
      expect(await carried(db, "k", reads)).toBe("1-17");
      expect(calls.slice(2)).toEqual(["added 6-17", "read ≤17"]);

      // Source 2 (runs 4 and 5) deleted: what was read with it no longer holds.
      expect(await deleteUpload(db, 2)).toEqual({ runsDeleted: 2 });
      expect(await carried(db, "k", reads)).toBe("1-17");
      expect(calls.slice(4)).toEqual(["read ≤17"]);

      // Another key is read on its own; a run added after that is taken in by each from its own highest id.
      expect(await carried(db, "other", reads)).toBe("1-17");
      await ingestNativeFile(db, file("fourth", 1));
      expect(await carried(db, "k", reads)).toBe("1-18");
      expect(await carried(db, "other", reads)).toBe("1-18");
      expect(calls.slice(5)).toEqual(["read ≤17", "added 18-18", "added 18-18"]);

      // The phone's bandwidth changed in place, as data-version.ts requires with a source added (run 19): read again.
      await db.update(devices).set({ memoryBandwidthGBps: 60 }).where(eq(devices.id, "test-phone"));
      await ingestNativeFile(db, file("fifth", 1));
      expect(await carried(db, "k", reads)).toBe("1-19");
      expect(calls.slice(8)).toEqual(["read ≤19"]);
    } finally {
      temp.close();
    }
  });
});
