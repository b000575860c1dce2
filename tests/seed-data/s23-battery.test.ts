/**
 * "What does 1,000 generated tokens cost the battery of a Galaxy S23?" answered
 * from the seeded database: the S23's own PocketPal decode speed, and the
 * energy per token measured at the battery of a Galaxy S25 Ultra running the
 * same Qwen2.5 1.5B Q4_K_M GGUF on llama.cpp's CPU backend.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { planScenario } from "@/lib/model";
import type { Plan } from "@/lib/model/plan-types";
import { scenarioSchema } from "@/lib/schemas/scenario";
import { createSeededTempDatabase, type TempDatabase } from "../helpers/temp-db";

describe("battery cost of 1,000 tokens on a Galaxy S23", () => {
  let temp: TempDatabase;
  let plan: Plan;
  beforeAll(async () => {
    temp = await createSeededTempDatabase();
    const snapshot = await loadDatasetSnapshot(temp.db, { asOf: "2026-11-29" });
    const scenario = scenarioSchema.parse({
      version: 1,
      traffic: { monthlyActiveUsers: 1000, requestsPerUserPerDay: 1, activeDaysPerMonth: 30 },
      tiers: [{ id: "chat", share: 1, inputTokens: 100, outputTokens: 1000, minQuality: 0 }],
      devices: [{ device: "samsung-s23", share: 1 }],
      edge: { variant: "qwen2.5-1.5b-q4_k_m", runtime: "llama.cpp" },
      cloud: { price: "openai/gpt-4.1" },
    });
    plan = planScenario(scenario, snapshot, { tornado: false });
  });
  afterAll(() => temp.close());

  it("takes its power from a battery measurement, not the 4 W phone default", () => {
    const decode = plan.inputs["devices.samsung-s23.decodeTokensPerSec"];
    const power = plan.inputs["devices.samsung-s23.powerW"];
    // the S23's own PocketPal run of this GGUF (its OpenCL run, the fastest of CPU 18.48 / OpenCL 19.21 / Hexagon 18.01)
    expect(decode).toMatchObject({ status: "measured", source: expect.stringMatching(/PocketPal.*Galaxy S23/) });
    expect(decode?.value).toBeCloseTo(19.2061, 4);
    // S25 Ultra: 12.63 W net battery power at 31.60 tokens/s = 0.39968 J/token;
    // the same energy per token at the S23's speed: 12.63 × 19.2061 / 31.60 = 7.6764 W
    expect(power?.status).toBe("estimated");
    expect(power?.value).toBeCloseTo((12.63 * (decode?.value as number)) / 31.6, 9);
    expect(power?.value).toBeCloseTo(7.6764, 3);
    expect(power?.note).toMatch(/12\.63 W on samsung-galaxy-s25-ultra .*BatteryManager.* scaled by decode 31\.6/);
  });

  it("puts 1,000 generated tokens at about 0.74 % of the S23's battery", () => {
    const power = plan.inputs["devices.samsung-s23.powerW"]?.value as number;
    const decode = plan.inputs["devices.samsung-s23.decodeTokensPerSec"]?.value as number;
    const joulesPer1000 = (1000 * power) / decode;
    // 1000 × 0.39968 J = 399.68 J = 0.11102 Wh; ÷ 15.1 Wh (3,900 mAh × 3.87 V) = 0.735 %
    expect(joulesPer1000).toBeCloseTo((1000 * 12.63) / 31.6, 9);
    expect((joulesPer1000 / 3600 / 15.1) * 100).toBeCloseTo(0.7352, 3);
    const cell = plan.devices.find((d) => d.deviceId === "samsung-s23")?.tiers.find((t) => t.tierId === "chat");
    // the tier's energy adds its first token (100 prompt tokens at the run's prefill speed):
    // 7.6764 W × (ttft + 1000 / 19.2061 s)
    const ttftS = (cell?.ttftMs as number) / 1000;
    expect(cell?.ttftMs).toBeCloseTo((1000 * 100) / (plan.inputs["devices.samsung-s23.prefillTokensPerSec"]?.value as number), 6);
    expect(cell?.energyJ).toBeCloseTo(power * (ttftS + 1000 / decode), 6);
  });
});
