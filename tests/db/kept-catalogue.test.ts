/**
 * The catalogue's tables are read again after a write only when the write changed them
 * (snapshot-cache.ts, readCatalogueStamp): a runs-only upload keeps them, a new device or
 * a deleted upload's rows credited to another source do not.
 */
import { describe, expect, it } from "vitest";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { loadCachedCatalogue } from "@/db/queries/snapshot-cache";
import { deleteUpload } from "@/db/queries/uploads";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase } from "../helpers/temp-db";
import { ingestPhoneRun, phoneFileText } from "../helpers/test-phone";

const tinyVariant = (catalogue: { variants: { id: string; provenance: { sizeGB?: { source: string } } }[] }) =>
  catalogue.variants.find((v) => v.id === "tiny-1b-q4_0");

describe("the catalogue after a write", () => {
  it("keeps its tables across writes that leave them as they were, and reads them again after one that changes them", async () => {
    const temp = await createTempDatabase();
    try {
      const first = await ingestPhoneRun(temp.db, "one", 10);
      const before = await loadCachedCatalogue(temp.db);
      expect(tinyVariant(before)?.provenance.sizeGB?.source).toBe("one");

      // Runs alone: the file names the same device, model and variant, which stay the first source's.
      await ingestPhoneRun(temp.db, "two", 20);
      const afterRuns = await loadCachedCatalogue(temp.db);
      expect(afterRuns).not.toBe(before);
      expect(afterRuns.variants).toBe(before.variants);
      expect(afterRuns.prices).toBe(before.prices);
      // Assembled again with this version's learning: the best of 10 and 20 tok/s, 20 × 0.6 GB ÷ 67 GB/s.
      expect(afterRuns.devices.find((d) => d.id === "test-phone")?.calibrations).toEqual([{ runtime: "llama.cpp", efficiency: 12 / 67, variants: 1 }]);
      expect(afterRuns).toEqual(await loadDatasetSnapshot(temp.db).then((s) => ({ ...s, runs: [] })));

      // Deleting the first upload credits the variant, still used by run 2, to source "two".
      await deleteUpload(temp.db, first.sourceId);
      const afterDelete = await loadCachedCatalogue(temp.db);
      expect(afterDelete.variants).not.toBe(before.variants);
      expect(tinyVariant(afterDelete)?.provenance.sizeGB?.source).toBe("two");

      // A new device.
      const file = JSON.parse(phoneFileText("three", 30)) as BenchmarkFileInput & { devices: { id: string; name: string }[]; runs: { deviceId: string }[] };
      file.devices[0] = { ...file.devices[0]!, id: "other-phone", name: "Other Phone" };
      file.runs[0] = { ...file.runs[0]!, deviceId: "other-phone" };
      await ingestNativeFile(temp.db, file);
      const afterDevice = await loadCachedCatalogue(temp.db);
      expect(afterDevice.devices.map((d) => d.id).sort()).toEqual(["other-phone", "test-phone"]);
      expect(afterDevice).toEqual(await loadDatasetSnapshot(temp.db).then((s) => ({ ...s, runs: [] })));
    } finally {
      temp.close();
    }
  });
});
