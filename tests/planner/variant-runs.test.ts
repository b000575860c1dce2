/**
 * The planner plans in the browser with {catalogue + the chosen variant's runs}
 * (app/plan/page.tsx, use-variant-runs.ts); POST /api/plan plans on the server with
 * the dataset. Both must give the same plan for the same scenario, on the seed data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { loadCachedRunCounts } from "@/db/queries/run-counts";
import { loadCachedCatalogue, loadCachedVariantRuns } from "@/db/queries/snapshot-cache";
import { planScenario } from "@/lib/model";
import { countRuns } from "@/lib/planner/run-counts";
import { runtimeOptions, variantGroups } from "@/lib/planner/dataset-options";
import { runsVariantOf, withVariantRuns } from "@/lib/planner/variant-runs";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";
import { variantRunsResponseSchema } from "@/lib/schemas/variant-runs";
import { planScenarioBody } from "@/lib/use-cases/plan";
import { createSeededTempDatabase, type TempDatabase } from "../helpers/temp-db";

const scenariosDir = join(process.cwd(), "data", "scenarios");
const examples: Scenario[] = readdirSync(scenariosDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => scenarioSchema.parse(JSON.parse(readFileSync(join(scenariosDir, f), "utf8"))));

describe("planning with the catalogue and one variant's runs", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createSeededTempDatabase();
  });
  afterAll(() => temp.close());

  /** What the browser holds: the catalogue as the page serialised it, the runs as the API sent them. */
  async function browserSnapshot(variantId: string) {
    const catalogue = structuredClone(await loadCachedCatalogue(temp.db));
    const body = JSON.stringify({ variantId, runs: await loadCachedVariantRuns(temp.db, variantId) });
    const { runs } = variantRunsResponseSchema.parse(JSON.parse(body));
    return withVariantRuns(catalogue, runs);
  }

  it("ships no runs in the catalogue", async () => {
    const catalogue = await loadCachedCatalogue(temp.db);
    expect(catalogue.runs).toEqual([]);
    expect(catalogue.speedModel).toBeDefined();
  });

  it.each(examples.map((s) => [s.name, s] as const))("plans %s exactly as POST /api/plan does", async (_name, scenario) => {
    const variantId = runsVariantOf(scenario)!;
    const data = await browserSnapshot(variantId);
    expect(data.runs.length).toBeGreaterThan(0);
    expect(data.runs.every((r) => r.variantId === variantId)).toBe(true);

    const server = await planScenarioBody(temp.db, JSON.parse(JSON.stringify(scenario)));
    const browser = planScenario(scenario, data);
    expect(browser).toEqual(server);
    // Without the variant's runs the plan differs (it estimates what they measured): the test can fail.
    expect(planScenario(scenario, withVariantRuns(data, []))).not.toEqual(server);
  });

  it("counts runs per variant and runtime in the database as the runs themselves count", async () => {
    const all = await loadDatasetSnapshot(temp.db);
    const counts = await loadCachedRunCounts(temp.db);
    expect(counts).toEqual(countRuns(all.runs));
    const total = Object.values(counts.byVariant).reduce((s, n) => s + n, 0);
    expect(total).toBe(all.runs.length);
    expect(Object.values(counts.byRuntime).reduce((s, n) => s + n, 0)).toBe(all.runs.length);
  });

  it("offers the same pickers from counts as from every run", async () => {
    const all = await loadDatasetSnapshot(temp.db);
    const counts = await loadCachedRunCounts(temp.db);
    const variantId = runsVariantOf(examples[0]!)!;
    const data = await browserSnapshot(variantId);
    expect(variantGroups(data, counts)).toEqual(variantGroups(all));
    expect(runtimeOptions(data, variantId, counts)).toEqual(runtimeOptions(all, variantId));
    // A variant without runs offers every runtime of the dataset, as before.
    expect(runtimeOptions(withVariantRuns(data, []), variantId, counts)).toEqual(runtimeOptions(all, null));
  });
});
