import { describe, expect, it } from "vitest";
import { buildMemoryVsSize } from "@/lib/charts/memory-vs-size";
import { point } from "./fixtures";

describe("buildMemoryVsSize", () => {
  it("plots peak memory against file size in MB, one series per status, measured first", () => {
    const data = buildMemoryVsSize([
      point(1, { peakMemoryMB: 900, sizeGB: 0.6 }),
      point(2, { peakMemoryMB: 3072, sizeGB: 1.42, status: "claimed" }),
      point(3, { peakMemoryMB: 700, sizeGB: 0.6 }),
      point(4, { peakMemoryMB: 500, sizeGB: null }),
      point(5, { decodeTokensPerSec: 10 }),
    ]);
    expect(data.series.map((s) => [s.status, s.points.map((p) => p.id)])).toEqual([
      ["measured", [1, 3]],
      ["claimed", [2]],
    ]);
    // 0.6 GB = 600 MB (decimal); 1.42 GB = 1420 MB.
    expect(data.series[0]?.points[0]).toMatchObject({ sizeMB: 600, peakMemoryMB: 900 });
    expect(data.series[1]?.points[0]?.sizeMB).toBeCloseTo(1420, 9);
    // The diagonal runs to the largest value on either axis: 3072 MB.
    expect(data.maxMB).toBe(3072);
    expect(data.withoutSize).toBe(1);
  });
});
