import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as planPost } from "@/app/api/plan/route";
import { planScenario } from "@/lib/model";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { GET as schemaGet } from "@/app/api/schema/scenario/route";
import { useSeededAppDatabase } from "../helpers/app-db";
import { ingestNativeFile } from "../helpers/ingest";
import type { TempDatabase } from "../helpers/temp-db";

/**
 * One tier, an inline price, no devices: every figure is hand-checkable.
 * requests/month R = 1,000 MAU · 1 req/day · 30 days = 30,000
 * per request = (1,000 in · $1 + 500 out · $2) / 1e6 = $0.002
 * cloud/month = 30,000 · 0.002 = $60; TCO(36) = 3,000 set-up + 36 · 60 = $5,160
 */
const handScenario = {
  version: 1,
  traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 1, activeDaysPerMonth: 30 },
  tiers: [{ id: "all", share: 1, inputTokens: 1000, outputTokens: 500 }],
  devices: [],
  edge: { variant: "qwen3-1.7b-q4_0" },
  cloud: { price: { name: "Negotiated", inputUsdPerMTok: 1, outputUsdPerMTok: 2 } },
};

// Counted, not changed: whether a request planned or was answered from the kept plan.
vi.mock("@/lib/model", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/model")>();
  return { ...actual, planScenario: vi.fn(actual.planScenario) };
});
const plansMade = () => vi.mocked(planScenario).mock.calls.length;

/** One measured run of Qwen3 1.7B Q4_0 on a phone of its own. */
function cachePhoneFile(title: string, decode: number, measuredAt: string): BenchmarkFileInput {
  return {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "cache-phone", name: "Cache Phone", memoryBandwidthGBps: 60, ramGB: 12, batteryWh: 18 }],
    runs: [{ deviceId: "cache-phone", variantId: "qwen3-1.7b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: decode, measuredAt }],
  };
}

function post(body: string): Request {
  return new Request("http://localhost/api/plan", { method: "POST", body, headers: { "content-type": "application/json" } });
}

async function issuesOf(res: Response): Promise<{ path: string; message: string }[]> {
  const json = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
  return json.error.issues;
}

describe("POST /api/plan", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("plans a scenario to the hand-calculated TCO", async () => {
    const res = await planPost(post(JSON.stringify(handScenario)));
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan.strategies.cloudOnly.tcoUsd).toBeCloseTo(5160, 9);
    expect(plan.strategies.cloudOnly.monthly[0].cloudUsd).toBeCloseTo(60, 9);
    // cost per 1,000 requests = 5,160 / (36 · 30,000) · 1,000 = $4.7778
    expect(plan.strategies.cloudOnly.costPer1kRequestsUsd).toBeCloseTo(5160 / 1080, 9);
    expect(plan.recommendation.strategy).toBe("cloudOnly");
  });

  it("plans against dataset ids (device, variant, price)", async () => {
    const res = await planPost(
      post(
        JSON.stringify({
          ...handScenario,
          devices: [{ device: "samsung-s23", share: 0.5 }],
          cloud: { price: "deepseek/deepseek-chat" },
        }),
      ),
    );
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan.battery.map((b: { deviceId: string }) => b.deviceId)).toContain("samsung-s23");
  });

  it("answers the same scenario again from the plan kept until a write, then plans the new data", async () => {
    await ingestNativeFile(temp.db, cachePhoneFile("cache one", 7, "2026-01-01"));
    const body = JSON.stringify({ ...handScenario, devices: [{ device: "cache-phone", share: 1 }] });
    const before = plansMade();
    const first = await planPost(post(body));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    const text = await first.text();
    // The device's one run: 7 tokens/s, measured.
    expect(JSON.parse(text).devices[0]).toMatchObject({ deviceId: "cache-phone", decodeTokensPerSec: 7, speedStatus: "measured" });
    expect(plansMade()).toBe(before + 1);

    const again = await planPost(post(body));
    expect(await again.text()).toBe(text);
    expect(plansMade()).toBe(before + 1);
    // Sent from the kept bytes, which sending leaves whole: a third answer is the same again.
    expect(await (await planPost(post(body))).text()).toBe(text);
    expect(plansMade()).toBe(before + 1);
    // The same scenario written another way (defaults spelled out) is planned again, to the same plan.
    const spelledOut = await planPost(post(JSON.stringify({ ...JSON.parse(body), horizonMonths: 36 })));
    expect(await spelledOut.text()).toBe(text);
    expect(plansMade()).toBe(before + 2);

    // A later run of the same device: the plan takes the most recent, 9 tokens/s.
    await ingestNativeFile(temp.db, cachePhoneFile("cache two", 9, "2026-02-01"));
    const after = await planPost(post(body));
    expect((await after.json()).devices[0]).toMatchObject({ deviceId: "cache-phone", decodeTokensPerSec: 9 });
    expect(plansMade()).toBe(before + 3);
  });

  it.each([
    ["tier shares that do not sum to 1", { ...handScenario, tiers: [{ id: "a", share: 0.5, inputTokens: 1, outputTokens: 1 }] }, "tiers"],
    ["a horizon over 120 months", { ...handScenario, horizonMonths: 121 }, "horizonMonths"],
    ["a negative MAU", { ...handScenario, traffic: { monthlyActiveUsers: -5 } }, "traffic.monthlyActiveUsers"],
    ["an unknown device id", { ...handScenario, devices: [{ device: "nokia-3310", share: 0.2 }] }, "devices.0.device"],
    ["an unknown price id", { ...handScenario, cloud: { price: "acme/none" } }, "cloud.price"],
  ])("refuses %s with a 422 naming the field", async (_label, body, path) => {
    const res = await planPost(post(JSON.stringify(body)));
    expect(res.status).toBe(422);
    expect((await issuesOf(res)).map((i) => i.path)).toContain(path);
  });

  it("refuses malformed JSON with a 422 and a body over 256 KB with a 413", async () => {
    expect((await planPost(post('{"version":1,'))).status).toBe(422);
    const huge = JSON.stringify({ ...handScenario, name: "x".repeat(300 * 1024) });
    expect((await planPost(post(huge))).status).toBe(413);
  });

  it("prints the same plan from the CLI", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plan-cli-"));
    const file = join(dir, "scenario.json");
    const scenario = { ...handScenario, devices: [{ device: "samsung-s23", share: 0.5 }] };
    writeFileSync(file, JSON.stringify(scenario));
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/plan.ts", file], {
      env: { ...process.env, DATABASE_URL: temp.url },
    });
    const api = await (await planPost(post(JSON.stringify(scenario)))).json();
    expect(JSON.parse(stdout)).toEqual(api);
  }, 60_000);
});

describe("GET /api/schema/scenario", () => {
  it("publishes the scenario's JSON Schema with its defaults", async () => {
    const schema = await schemaGet().json();
    expect(schema.properties.horizonMonths).toMatchObject({ default: 36, maximum: 120 });
    expect(schema.required).toEqual(expect.arrayContaining(["version", "edge", "cloud"]));
  });
});

describe("GET /api/schema/benchmarks", () => {
  it("publishes the native format's JSON Schema with units in field names", async () => {
    const { GET } = await import("@/app/api/schema/benchmarks/route");
    const schema = await GET().json();
    expect(schema.properties.format).toMatchObject({ const: "edge-llm-benchmarks" });
    const run = schema.properties.runs.items;
    expect(Object.keys(run.properties)).toEqual(expect.arrayContaining(["decodeTokensPerSec", "ttftMs", "peakMemoryMB"]));
    expect(run.required).toEqual(expect.arrayContaining(["deviceId", "variantId", "runtime", "status"]));
  });
});
