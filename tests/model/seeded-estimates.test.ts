/** The estimator on the seed dataset, through the real database loader (a temporary libSQL file). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { planScenario } from "@/lib/model";
import { auditEstimates, auditGroups } from "@/lib/model/estimate-audit";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { createSeededTempDatabase, type TempDatabase } from "../helpers/temp-db";

let temp: TempDatabase;
let data: DatasetSnapshot;

beforeAll(async () => {
  temp = await createSeededTempDatabase();
  data = await loadDatasetSnapshot(temp.db);
}, 60_000);
afterAll(() => temp?.close());

const example = (name: string) =>
  scenarioSchema.parse(JSON.parse(readFileSync(join(process.cwd(), "data", "scenarios", name), "utf8")));

describe("the estimator on the seed dataset", () => {
  it("plans Qwen3 1.7B on myron from its best backend (CPU 34.2 tok/s, not OpenCL 23.3) and says which", () => {
    const s = example("chat-assistant-50k.json");
    const plan = planScenario(
      { ...s, devices: [{ device: "poco-myron", share: 1 }], edge: { ...s.edge, variant: "qwen3-1.7b-q4_k_m" } },
      data,
    );
    expect(plan.devices[0]).toMatchObject({ backend: "cpu", decodeBasis: "run", speedStatus: "measured" });
    expect(plan.devices[0]!.decodeTokensPerSec).toBeCloseTo(34.2474660306, 8);
  });

  it("no longer plans the document example's 4,000-token summary at about a second on a phone", () => {
    const plan = planScenario(example("document-assistant.json"), data);
    const s24 = plan.devices.find((d) => d.deviceId === "samsung-galaxy-s24-ultra")!;
    const summarise = s24.tiers.find((t) => t.tierId === "summarise")!;
    // 4,000 tokens at an estimated prefill of a few tens of tokens/s: well over 10 s
    expect(summarise.ttftMs).toBeGreaterThan(10_000);
    expect(s24.prefillBasis).toBe("prior");
    expect(s24.decodeRange).not.toBeNull();
    expect(plan.ranges).not.toBeNull();
  });

  it("meets the accuracy targets leave-one-out, and for devices it has never seen", () => {
    for (const mode of ["device", "unseen"] as const) {
      const all = auditGroups(auditEstimates(data, [mode])).find((g) => g.by === "all")!;
      expect(all.decode.median!).toBeGreaterThanOrEqual(0.8);
      expect(all.decode.median!).toBeLessThanOrEqual(1.25);
      expect(all.decode.p10!).toBeGreaterThanOrEqual(0.5);
      expect(all.decode.p90!).toBeLessThanOrEqual(2);
      expect(all.ttft.median!).toBeGreaterThanOrEqual(0.67);
      expect(all.ttft.median!).toBeLessThanOrEqual(1.5);
      expect(all.ttft.within2x!).toBeGreaterThanOrEqual(0.7);
    }
  }, 60_000);
});
