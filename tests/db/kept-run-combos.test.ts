/**
 * Filtered facets read the stored run combinations once and carry them to each later data
 * version (benchmark-facets.ts, runCombosAt): the runs added since are counted in, deleted
 * sources dropped, and nothing stored is read or parsed again.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { listBenchmarkFacets } from "@/db/queries/benchmark-facets";
import { readDataVersion } from "@/db/queries/data-version";
import { deleteUpload } from "@/db/queries/uploads";
import { learnDatasetVersion } from "@/db/queries/version-learning";
import { datasetDigest } from "@/db/schema";
import { createTempDatabase } from "../helpers/temp-db";
import { ingestPhoneRun } from "../helpers/test-phone";

const sourceFacet = async (db: Parameters<typeof listBenchmarkFacets>[0]) =>
  (await listBenchmarkFacets(db, { status: "measured" })).source.map((f) => [f.label, f.runs]);

describe("the run combinations of filtered facets", () => {
  it("are read once and carried to later versions: runs added counted in, a deleted upload's dropped", async () => {
    const temp = await createTempDatabase();
    try {
      const first = await ingestPhoneRun(temp.db, "one", 10);
      await ingestPhoneRun(temp.db, "two", 20);
      await learnDatasetVersion(temp.db);
      // One combination per source, one run each.
      expect(await sourceFacet(temp.db)).toEqual([
        ["one", 1],
        ["two", 1],
      ]);

      await ingestPhoneRun(temp.db, "three", 30);
      await learnDatasetVersion(temp.db);
      // This version's stored combinations, changed by hand: source 1's combination counts 70 runs.
      const version = await readDataVersion(temp.db);
      await temp.db
        .update(datasetDigest)
        .set({ json: sql`json_set(${datasetDigest.json}, '$[0][6]', 70)` })
        .where(and(eq(datasetDigest.part, "runCombos"), eq(datasetDigest.dataVersion, version)));
      // Carried from the previous version with run 3 added, not read again.
      expect(await sourceFacet(temp.db)).toEqual([
        ["one", 1],
        ["three", 1],
        ["two", 1],
      ]);
      // A connection that has kept nothing reads the stored row.
      const other = openDatabase(temp.url);
      try {
        expect((await sourceFacet(other.db))[0]).toEqual(["one", 70]);
      } finally {
        other.client.close();
      }

      await deleteUpload(temp.db, first.sourceId);
      expect(await sourceFacet(temp.db)).toEqual([
        ["three", 1],
        ["two", 1],
      ]);
      // 2 runs of the one device left (the device facet applies the status filter too).
      expect((await listBenchmarkFacets(temp.db, { status: "measured" })).device).toEqual([{ value: "test-phone", label: "Test Phone", runs: 2 }]);
      await ingestPhoneRun(temp.db, "four", 40);
      expect((await listBenchmarkFacets(temp.db, { device: "test-phone" })).source.map((f) => [f.label, f.runs])).toEqual([
        ["four", 1],
        ["three", 1],
        ["two", 1],
      ]);
    } finally {
      temp.close();
    }
  });
});
