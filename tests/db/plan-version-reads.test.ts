import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readDataVersion } from "@/db/queries/data-version";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { planScenario } from "@/lib/model";
import { parseScenario } from "@/lib/planning/plan-request";
import { planScenarioJson } from "@/lib/use-cases/plan";
import { ingestNativeFile } from "../helpers/ingest";
import { createSeededTempDatabase, type TempDatabase } from "../helpers/temp-db";

// Counted, not changed: how often a plan request asks the database for its data version.
vi.mock("@/db/queries/data-version", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/data-version")>();
  return { ...actual, readDataVersion: vi.fn(actual.readDataVersion) };
});
const versionReads = () => vi.mocked(readDataVersion).mock.calls.length;

const example = JSON.parse(readFileSync("data/scenarios/chat-assistant-50k.json", "utf8")) as { traffic: { monthlyActiveUsers: number } };
/** The example with another MAU: a scenario no request asked before. */
const withUsers = (monthlyActiveUsers: number) => ({ ...example, traffic: { ...example.traffic, monthlyActiveUsers } });

/** The plan's JSON as the engine writes it on the data read afresh, not through any cache. */
async function freshJson(db: TempDatabase["db"], body: unknown): Promise<string> {
  const scenario = parseScenario(body);
  const snapshot = await loadDatasetSnapshot(db, { variantIds: [scenario.edge.variant as string] });
  return JSON.stringify(planScenario(scenario, snapshot));
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("a plan request on the kept snapshot", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await createSeededTempDatabase();
  });
  afterAll(() => temp.close());

  it("reads the data version once, and answers the engine's JSON as UTF-8 bytes", async () => {
    await planScenarioJson(temp.db, withUsers(50_001)); // loads the catalogue and the variant's runs
    const before = versionReads();
    const bytes = await planScenarioJson(temp.db, withUsers(50_002));
    expect(versionReads()).toBe(before + 1);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(text(bytes)).toBe(await freshJson(temp.db, withUsers(50_002)));
    // The same scenario again: the kept bytes, after the one read that says they are still this version's.
    const again = versionReads();
    expect(await planScenarioJson(temp.db, withUsers(50_002))).toBe(bytes);
    expect(versionReads()).toBe(again + 1);
  });

  it("after a write, plans on the new data (the snapshot's cache reads the version again)", async () => {
    const first = await planScenarioJson(temp.db, withUsers(60_000));
    await ingestNativeFile(temp.db, {
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "a faster S23 run" },
      runs: [{ deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_k_m", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: 99, measuredAt: "2026-06-01" }],
    });
    const before = versionReads();
    const after = await planScenarioJson(temp.db, withUsers(60_000));
    // The text cache's read finds a new version; the snapshot's cache, holding the old one, reads it too.
    expect(versionReads()).toBeGreaterThanOrEqual(before + 2);
    expect(text(after)).not.toBe(text(first));
    expect(text(after)).toBe(await freshJson(temp.db, withUsers(60_000)));
  });
});
