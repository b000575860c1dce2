import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as planPost } from "@/app/api/plan/route";
import { GET as scenarioGet } from "@/app/api/scenarios/[id]/route";
import { POST as scenarioPost } from "@/app/api/scenarios/route";
import { and, count, desc, eq } from "drizzle-orm";
import { cloudPrices, scenarios } from "@/db/schema";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";

const scenario = {
  version: 1,
  name: "Chat on S23",
  devices: [{ device: "samsung-s23", share: 0.5 }],
  edge: { variant: "qwen3-1.7b-q4_0" },
  cloud: { price: "deepseek/deepseek-chat" },
};

const json = (body: unknown) =>
  new Request("http://localhost/api", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const get = (id: string) => scenarioGet(new Request(`http://localhost/api/scenarios/${id}`), { params: Promise.resolve({ id }) });

describe("shared scenarios", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("saves a scenario under an unguessable id and shows the same plan as /api/plan", async () => {
    const res = await scenarioPost(json(scenario));
    expect(res.status).toBe(201);
    const { id, url } = await res.json();
    expect(id).toMatch(/^[1-9A-HJ-NP-Za-km-z]{12}$/);
    expect(url).toBe(`/s/${id}`);
    const shared = await (await get(id)).json();
    const direct = await (await planPost(json(scenario))).json();
    expect(shared.plan).toEqual(direct);
    expect(shared.scenario.name).toBe("Chat on S23");
    expect(shared.dataChanges).toEqual([]);
    // The stored data is the slice the plan read: its price, its devices, its variant's runs.
    expect(shared.data.prices.map((p: { id: string }) => p.id)).toEqual(["deepseek/deepseek-chat"]);
    expect(shared.data.variants.map((v: { id: string }) => v.id)).toEqual(["qwen3-1.7b-q4_0"]);
  });

  it("keeps a link's numbers when a price changes, and reports the change", async () => {
    const { id } = await (await scenarioPost(json(scenario))).json();
    const before = await (await get(id)).json();
    const [current] = await temp.db
      .select()
      .from(cloudPrices)
      .where(and(eq(cloudPrices.provider, "deepseek"), eq(cloudPrices.modelKey, "deepseek-chat")))
      .orderBy(desc(cloudPrices.effectiveDate));
    expect(current).toBeDefined();
    const today = new Date().toISOString().slice(0, 10);
    await temp.db.insert(cloudPrices).values({
      ...current!,
      id: undefined,
      effectiveDate: today,
      effectiveUntil: null,
      outputUsdPerMTok: current!.outputUsdPerMTok * 10,
    });
    const after = await (await get(id)).json();
    expect(after.plan).toEqual(before.plan);
    expect(after.dataChanges).toContainEqual({
      what: "price deepseek/deepseek-chat: outputUsdPerMTok",
      before: current!.outputUsdPerMTok,
      after: current!.outputUsdPerMTok * 10,
    });
    expect(after.dataChanges).toContainEqual({
      what: "price deepseek/deepseek-chat: effectiveDate",
      before: current!.effectiveDate,
      after: today,
    });
  });

  it("answers 404 for malformed and unknown ids", async () => {
    expect((await get("../../etc")).status).toBe(404);
    expect((await get("AAAAAAAAAAAA")).status).toBe(404);
  });

  it("refuses an invalid scenario with a 422 and stores nothing", async () => {
    const countScenarios = async () => (await temp.db.select({ n: count() }).from(scenarios))[0]?.n;
    const before = await countScenarios();
    const res = await scenarioPost(json({ ...scenario, horizonMonths: 0 }));
    expect(res.status).toBe(422);
    expect(await countScenarios()).toBe(before);
  });
});
