import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { learnDataset, loadCatalogueTables } from "@/db/queries/snapshot";
import { loadCachedRunCounts } from "@/db/queries/run-counts";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
async function t<T>(name: string, f: () => Promise<T>) { const s = performance.now(); const r = await f(); console.log(name, (performance.now() - s).toFixed(0), "ms"); return r; }
async function main() {
  const { db, client } = openDatabase("file:/tmp/wt11L/100k.db");
  await t("count", () => db.get(sql`select count(*) from benchmark_runs`));
  await t("max id", () => db.get(sql`select max(id) from benchmark_runs`));
  const tables = await t("tables", () => loadCatalogueTables(db));
  await t("learn", () => learnDataset(db, tables));
  await t("runcounts", () => loadCachedRunCounts(db));
  const f = await t("datasetfindings", () => listDatasetFindings(db));
  await t("flagged", () => listFlaggedRuns(db, {}, f, 0));
  client.close();
}
void main();
