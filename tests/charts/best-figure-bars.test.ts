import { describe, expect, it } from "vitest";
import type { BestFigure } from "@/lib/charts/benchmark-point";
import { barStatusOf, buildBestFigureBars } from "@/lib/charts/best-figure-bars";

function best(modelName: string, deviceName: string, value: number, runs = 1, status: BestFigure["status"] = "measured"): BestFigure {
  return { deviceId: deviceName, deviceName, modelId: modelName, modelName, value, status, runs };
}

describe("buildBestFigureBars", () => {
  it("makes one row per model with a value and a status per device", () => {
    const bars = buildBestFigureBars([best("Tiny", "S23", 40), best("Tiny", "X7", 25), best("Big", "X7", 28, 1, "claimed")]);
    expect(bars.rows).toEqual([
      { category: "Big", X7: 28, "X7::status": "claimed" },
      { category: "Tiny", S23: 40, "S23::status": "measured", X7: 25, "X7::status": "measured" },
    ]);
    expect(bars.seriesKeys).toEqual(["S23", "X7"]);
    expect(barStatusOf(bars.rows[0]!, "X7")).toBe("claimed");
    expect(barStatusOf(bars.rows[0]!, "S23")).toBeUndefined();
    expect([bars.omittedModels, bars.omittedDevices]).toEqual([0, 0]);
  });

  it("keeps the models and devices with the most runs and counts the rest", () => {
    const bars = buildBestFigureBars(
      [best("A", "S23", 1, 10), best("B", "S23", 2, 5), best("C", "S23", 3, 1), best("A", "X7", 4, 1)],
      { maxModels: 2, maxDevices: 1 },
    );
    // Models by runs: A 11, B 5, C 1 → A, B kept. Devices: S23 16, X7 1 → S23 kept.
    expect(bars.rows.map((r) => r.category)).toEqual(["A", "B"]);
    expect(bars.seriesKeys).toEqual(["S23"]);
    expect([bars.omittedModels, bars.omittedDevices]).toEqual([1, 1]);
  });

  it("gives no rows for no figures", () => {
    expect(buildBestFigureBars([])).toEqual({ rows: [], seriesKeys: [], omittedModels: 0, omittedDevices: 0 });
  });
});
