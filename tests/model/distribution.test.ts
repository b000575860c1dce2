import { describe, expect, it } from "vitest";
import { distributionUsdInMonth, horizonDistributionUsdPerMau } from "@/lib/model/distribution";
import { trafficSeries } from "@/lib/model/traffic";

const input = { sizeGB: 1, cdnUsdPerGB: 0.02, newInstallSharePerMonth: 0.05, modelUpdatesPerYear: 6 };

describe("distribution", () => {
  it("ships to every user in month 1", () => {
    // 1000 users · 0.5 share · 1 GB · $0.02 = $10
    expect(distributionUsdInMonth(input, 1000, 0.5, 1)).toBeCloseTo(10, 12);
  });

  it("ships to new installs and updates after month 1", () => {
    // 1000 · 0.5 · (0.05 + 6/12) · 1 GB · $0.02 = 500 · 0.55 · 0.02 = $5.50
    expect(distributionUsdInMonth(input, 1000, 0.5, 2)).toBeCloseTo(5.5, 12);
  });

  it("sums the horizon per MAU", () => {
    const t = trafficSeries({
      horizonMonths: 3,
      requestsPerUserPerDay: 1,
      activeDaysPerMonth: 1,
      monthlyGrowthPct: 0,
      priceChangePctPerYear: 0,
    });
    // 0.5 · (1 + 0.55·2) · 0.02 = 0.5 · 2.1 · 0.02 = 0.021 per MAU
    expect(horizonDistributionUsdPerMau(input, t, 0.5)).toBeCloseTo(0.021, 15);
  });
});
