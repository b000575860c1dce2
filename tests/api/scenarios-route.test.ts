import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as planPost } from "@/app/api/plan/route";
import { GET as scenarioGet } from "@/app/api/scenarios/[id]/route";
import { POST as scenarioPost } from "@/app/api/scenarios/route";
import { and, count, desc, eq } from "drizzle-orm";
import { cloudPrices, scenarios } from "@/db/schema";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";
import { countSharedScenariosSince } from "@/db/queries/scenarios";
import { resetShareLimiter } from "@/lib/use-cases/share";

const scenario = {
  version: 1,
  name: "Chat on S23",
  devices: [{ device: "samsung-s23", share: 0.5 }],
  edge: { variant: "qwen3-1.7b-q4_0" },
  cloud: { price: "deepseek/deepseek-chat" },
};

const json = (body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  new Request("http://localhost/api", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
    signal,
  });
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

describe("bounded anonymous shares", () => {
  let temp: TempDatabase;
  const countScenarios = async () => (await temp.db.select({ n: count() }).from(scenarios))[0]?.n ?? 0;
  const from = (client: string, extra: Record<string, string> = {}) => ({ "x-forwarded-for": client, ...extra });
  const named = (name: string) => ({ ...scenario, name });
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());
  afterEach(() => {
    for (const key of ["SHARE_LIMIT_PER_MINUTE", "SHARE_LIMIT_BURST", "SHARE_QUOTA_PER_MINUTE", "SHARE_QUOTA_PER_DAY", "ADMIN_TOKEN"]) delete process.env[key];
    resetShareLimiter();
  });

  it("answers the stored id for the same scenario on the same data, storing it once", async () => {
    const before = await countScenarios();
    const first = await scenarioPost(json(named("dedupe"), from("10.0.0.1")));
    const again = await scenarioPost(json(named("dedupe"), from("10.0.0.2")));
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((await again.json()).id).toBe((await first.json()).id);
    const other = await scenarioPost(json(named("dedupe, renamed"), from("10.0.0.1")));
    expect(other.status).toBe(201);
    expect(await countScenarios()).toBe(before + 2);
  });

  it("stores the same scenario sent twice at once under one id", async () => {
    const before = await countScenarios();
    const both = await Promise.all([0, 1].map(() => scenarioPost(json(named("twice at once"), from("10.0.0.3")))));
    const ids = await Promise.all(both.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(ids[0]).toBe(ids[1]);
    expect(await countScenarios()).toBe(before + 1);
  });

  it("limits new links per client with 429 and Retry-After; other clients and the admin token pass", async () => {
    process.env.SHARE_LIMIT_BURST = "2";
    process.env.SHARE_LIMIT_PER_MINUTE = "1";
    const before = await countScenarios();
    expect((await scenarioPost(json(named("limit 1"), from("10.0.0.9")))).status).toBe(201);
    expect((await scenarioPost(json(named("limit 2"), from("10.0.0.9")))).status).toBe(201);
    const refused = await scenarioPost(json(named("limit 3"), from("10.0.0.9")));
    expect(refused.status).toBe(429);
    // One token a minute and none left: the next one is 60 s away.
    expect(refused.headers.get("retry-after")).toBe("60");
    // Sharing what is already stored costs nothing.
    expect((await scenarioPost(json(named("limit 1"), from("10.0.0.9")))).status).toBe(200);
    expect((await scenarioPost(json(named("limit 3"), from("10.0.0.10")))).status).toBe(201);
    process.env.ADMIN_TOKEN = "s3cret";
    expect((await scenarioPost(json(named("limit 4"), from("10.0.0.9", { authorization: "Bearer s3cret" })))).status).toBe(201);
    expect(await countScenarios()).toBe(before + 4);
  });

  it("stops all anonymous clients at the daily quota with 429, the admin token still passes", async () => {
    process.env.SHARE_QUOTA_PER_DAY = String(await countScenarios());
    const refused = await scenarioPost(json(named("quota"), from("10.0.1.1")));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect((await refused.json()).error.code).toBe("too_many:share_quota");
    process.env.ADMIN_TOKEN = "s3cret";
    expect((await scenarioPost(json(named("quota"), from("10.0.1.1", { authorization: "Bearer s3cret" })))).status).toBe(201);
  });

  it("holds clients that forge their address to the total a minute", async () => {
    // The quota is what the last minute already holds (this file's earlier links).
    process.env.SHARE_QUOTA_PER_MINUTE = String(await countSharedScenariosSince(temp.db, new Date(Date.now() - 60_000).toISOString()));
    const refused = await scenarioPost(json(named("forged"), from(`10.9.${Math.floor(Math.random() * 250)}.1`)));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
  });

  it("abandons a share whose client has gone, storing nothing", async () => {
    const before = await countScenarios();
    const gone = new AbortController();
    gone.abort();
    const res = await scenarioPost(json(named("gone"), from("10.0.2.1"), gone.signal));
    expect(res.status).toBe(499);
    expect(await countScenarios()).toBe(before);
    expect((await planPost(json(scenario, {}, gone.signal))).status).toBe(499);
  });
});
