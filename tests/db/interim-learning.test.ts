import { describe, expect, it, vi } from "vitest";
import { readDataVersion } from "@/db/queries/data-version";
import { learningSettled, readStoredLearning, relearnStoredLearning } from "@/db/queries/dataset-learning";
import { learnAfterWrite, learningVersionOf, loadCachedCatalogue, loadCachedSnapshot } from "@/db/queries/snapshot-cache";
import { learnSpeedModel } from "@/lib/model/learned-speed";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { planScenarioJson } from "@/lib/use-cases/plan";
import { ingestNativeFile } from "../helpers/ingest";
import { createTempDatabase } from "../helpers/temp-db";

// Counted, not changed: the reader must learn nothing on its own thread.
vi.mock("@/lib/model/learned-speed", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/model/learned-speed")>();
  return { ...actual, learnSpeedModel: vi.fn(actual.learnSpeedModel) };
});
const learnCalls = () => vi.mocked(learnSpeedModel).mock.calls.length;

/** Measured runs of a 0.6 GB variant on a 67 GB/s phone, one per `decode` (tok/s); a 1.2 GB variant without runs. */
function phoneFile(title: string, decodes: number[]): BenchmarkFileInput {
  return {
    format: "edge-llm-benchmarks",
    version: 1,
    source: { kind: "upload", title },
    devices: [{ id: "test-phone", name: "Test Phone", kind: "phone", memoryBandwidthGBps: 67, batteryWh: 15, ramGB: 8 }],
    models: [{ id: "tiny-1b", name: "Tiny 1B", paramsB: 1 }],
    variants: [
      { id: "tiny-1b-q4_0", modelId: "tiny-1b", quantization: "Q4_0", sizeGB: 0.6, status: "measured" },
      { id: "tiny-1b-q8_0", modelId: "tiny-1b", quantization: "Q8_0", sizeGB: 1.2, status: "measured" },
    ],
    quality: [],
    runs: decodes.map((decode) => ({ deviceId: "test-phone", variantId: "tiny-1b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: decode })),
    prices: [],
  };
}

const scenario = {
  version: 1,
  traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 1, activeDaysPerMonth: 30 },
  tiers: [{ id: "all", share: 1, inputTokens: 1000, outputTokens: 500 }],
  devices: [{ device: "test-phone", share: 1 }],
  edge: { variant: "tiny-1b-q8_0" },
  cloud: { price: { name: "Negotiated", inputUsdPerMTok: 1, outputUsdPerMTok: 2 } },
};

/** `promise`'s value, or "waiting" when it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "waiting"> {
  return Promise.race([promise, new Promise<"waiting">((resolve) => setTimeout(() => resolve("waiting"), ms))]);
}

const decodeOf = (planJson: Uint8Array) => (JSON.parse(Buffer.from(planJson).toString("utf8")) as { devices: { decodeTokensPerSec: number }[] }).devices[0]?.decodeTokensPerSec;

const efficiencies = (snapshot: { devices: { id: string; calibrations?: { efficiency: number }[] }[] }) =>
  snapshot.devices.find((d) => d.id === "test-phone")?.calibrations?.map((c) => c.efficiency);

describe("while a worker learns the version a write left", () => {
  it("readers plan at once with the previous version's learning, then with the new one once it is stored", async () => {
    const temp = await createTempDatabase();
    try {
      await ingestNativeFile(temp.db, phoneFile("first", [10, 11, 12]));
      await learnAfterWrite(temp.db);
      const previous = await readDataVersion(temp.db);
      // The previous version's plan, planned and kept.
      const planBefore = await planScenarioJson(temp.db, scenario);

      await ingestNativeFile(temp.db, phoneFile("second", [20, 21, 22]));
      const version = await readDataVersion(temp.db);
      expect(version).not.toBe(previous);
      // A learner held back until released: it learns and stores the current version then.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let learnedByWorker = 0;
      const learner = () => {
        const learned = held.then(async () => {
          const before = learnCalls();
          await relearnStoredLearning(temp.db);
          learnedByWorker += learnCalls() - before;
        });
        return { learned, checked: learned };
      };
      const pass = learnAfterWrite(temp.db, learner);

      const learned = learnCalls();
      const planDuring = await within(planScenarioJson(temp.db, scenario), 5_000);
      expect(planDuring).not.toBe("waiting");
      expect(learnCalls()).toBe(learned);
      // Not the kept plan of the previous version: this version's runs (the best of 10 and 20 tok/s) are read.
      // The 1.2 GB variant has no run: its speed on the phone is learned, from the best run of the 0.6 GB one (12 tok/s × 0.6 ÷ 1.2).
      expect(decodeOf(planDuring as Uint8Array)).toBe(6);
      expect(planDuring).toEqual(planBefore);
      const catalogue = await loadCachedCatalogue(temp.db);
      // The previous version's calibration, from its best run: 12 tok/s × 0.6 GB per token ÷ 67 GB/s.
      expect(efficiencies(catalogue)).toEqual([7.2 / 67]);
      expect(learningVersionOf(catalogue)).toBe(previous);
      const snapshot = await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] });
      expect(learningVersionOf(snapshot)).toBe(previous);
      // This version's runs, with the interim learning.
      expect(snapshot.runs.map((r) => r.decodeTokensPerSec).sort()).toEqual([10, 11, 12, 20, 21, 22]);
      expect(await readStoredLearning(temp.db, version)).toBeNull();

      release();
      await pass;
      await learningSettled(temp.db);
      expect(learnedByWorker).toBe(1);
      // The best run is now 22 tok/s: 22 × 0.6 ÷ 67.
      const after = await loadCachedCatalogue(temp.db);
      expect(efficiencies(after)).toEqual([13.2 / 67]);
      expect(learningVersionOf(after)).toBe(version);
      expect(learningVersionOf(await loadCachedSnapshot(temp.db, { variantIds: ["tiny-1b-q4_0"] }))).toBe(version);
      const planAfter = await planScenarioJson(temp.db, scenario);
      // The plan kept from the interim is not served as the version's final one.
      expect(planAfter).not.toEqual(planDuring);
      // Learned from this version's best run: 22 tok/s × 0.6 ÷ 1.2.
      expect(decodeOf(planAfter)).toBe(11);
      expect(learnCalls()).toBe(learned + 1);
    } finally {
      temp.close();
    }
  });
});
