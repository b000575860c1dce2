import { describe, expect, it } from "vitest";
import { buildEnergyFigures } from "@/lib/charts/energy-figures";
import { point } from "./fixtures";

describe("buildEnergyFigures", () => {
  it("lists each reported figure as a bar per run, largest first, throttling with its onset", () => {
    const figures = buildEnergyFigures([
      point(1, { powerW: 3.2 }),
      point(2, { powerW: 4.5, throttlePct: 35, throttleAfterMin: 5, status: "claimed" }),
      point(3, { batteryDrainPctPer30Min: 6, throttlePct: 20 }),
    ]);
    expect(figures.powerW.map((b) => [b.id, b.value])).toEqual([
      [2, 4.5],
      [1, 3.2],
    ]);
    expect(figures.batteryDrainPctPer30Min.map((b) => [b.id, b.value])).toEqual([[3, 6]]);
    const label = "Tiny 1B Q4_0 on Galaxy S23 (llama.cpp/cpu)";
    const axisLabel = "Tiny 1B Q4_0 · Galaxy S23";
    // The value sits again under its status, the key of the series that colours it.
    expect(figures.throttlePct).toEqual([
      { id: 2, label, axisLabel, value: 35, status: "claimed", claimed: 35, note: "after 5 min" },
      { id: 3, label, axisLabel, value: 20, status: "measured", measured: 20 },
    ]);
  });

  it("cuts long axis labels at 56 characters", () => {
    const [bar] = buildEnergyFigures([point(1, { powerW: 2, deviceName: "Snapdragon 8 Elite phone, 16 GB (seed 000's test device)" })]).powerW;
    expect(bar?.axisLabel).toBe("Tiny 1B Q4_0 · Snapdragon 8 Elite phone, 16 GB (seed 00…");
    expect(bar?.axisLabel).toHaveLength(56);
  });
});

describe("energy per token", () => {
  it("divides a run's power by its decode speed, for runs that report both", () => {
    const figures = buildEnergyFigures([
      // Geerling's M4 Mac mini row: 30.1 W at 41.31 tokens/s → 30.1 / 41.31 = 0.7286371… J/token
      point(1, { powerW: 30.1, decodeTokensPerSec: 41.31, status: "claimed" }),
      // a Raspberry Pi 5: 13.9 W at 4.61 tokens/s → 3.0151843… J/token
      point(2, { powerW: 13.9, decodeTokensPerSec: 4.61 }),
      point(3, { powerW: 5, decodeTokensPerSec: null }),
    ]);
    expect(figures.energyJPerToken.map((b) => [b.id, b.status])).toEqual([
      [2, "measured"],
      [1, "claimed"],
    ]);
    expect(figures.energyJPerToken[0]?.value).toBeCloseTo(3.0151843817787417, 12);
    expect(figures.energyJPerToken[1]?.value).toBeCloseTo(0.7286371338658921, 12);
    expect(figures.energyJPerToken[1]?.note).toBe("30.1 W ÷ 41.31 tokens/s");
  });
});
