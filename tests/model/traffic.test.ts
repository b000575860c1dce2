import { describe, expect, it } from "vitest";
import { requestsInMonth, trafficSeries } from "@/lib/model/traffic";

describe("trafficSeries", () => {
  it("computes R(m) with monthly growth", () => {
    const t = trafficSeries({
      horizonMonths: 3,
      requestsPerUserPerDay: 10,
      activeDaysPerMonth: 20,
      monthlyGrowthPct: 10,
      priceChangePctPerYear: 0,
    });
    // R(1) = 1000·1.1^0·10·20 = 200,000
    expect(requestsInMonth(t, 1000, 1)).toBeCloseTo(200_000, 9);
    // R(2) = 1000·1.1·200 = 220,000
    expect(requestsInMonth(t, 1000, 2)).toBeCloseTo(220_000, 9);
    // R(3) = 1000·1.21·200 = 242,000
    expect(requestsInMonth(t, 1000, 3)).toBeCloseTo(242_000, 9);
    // users per MAU after month 1: 1.1 + 1.21 = 2.31
    expect(t.laterUsersPerMau).toBeCloseTo(2.31, 12);
    // Σ R/MAU = 200 + 220 + 242 = 662
    expect(t.totalRequestsPerMau).toBeCloseTo(662, 9);
  });

  it("applies the yearly price change as (1+p)^((m−1)/12)", () => {
    const t = trafficSeries({
      horizonMonths: 13,
      requestsPerUserPerDay: 1,
      activeDaysPerMonth: 1,
      monthlyGrowthPct: 0,
      priceChangePctPerYear: -50,
    });
    expect(t.priceFactor[0]).toBe(1); // month 1: 0.5^0
    expect(t.priceFactor[6]).toBeCloseTo(Math.SQRT1_2, 12); // month 7: 0.5^(6/12) = 0.7071
    expect(t.priceFactor[12]).toBeCloseTo(0.5, 12); // month 13: 0.5^(12/12)
  });

  it("empties a user base shrinking 100 % a month after month 1", () => {
    const t = trafficSeries({
      horizonMonths: 3,
      requestsPerUserPerDay: 1,
      activeDaysPerMonth: 1,
      monthlyGrowthPct: -100,
      priceChangePctPerYear: 0,
    });
    expect([...t.usersPerMau]).toEqual([1, 0, 0]); // 0^0 = 1, then 0
  });
});
