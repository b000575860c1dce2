import { describe, expect, it } from "vitest";
import { planChartSeries as series } from "@/lib/plan-view/chart-series";
import { sameData, samePropsData } from "@/lib/plan-view/same-data";
import { fixturePlan, scenarioInput } from "./fixture";

describe("sameData", () => {
  it("compares plain data all the way down", () => {
    expect(sameData({ a: [1, { b: "x" }], c: null }, { a: [1, { b: "x" }], c: null })).toBe(true);
    expect(sameData({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData(0, -0)).toBe(true);
    expect(sameData(null, undefined)).toBe(false);
    expect(sameData(1, "1")).toBe(false);
  });

  it("takes anything but plain objects and arrays as the same only when it is the same object", () => {
    const f = () => 1;
    expect(sameData({ f }, { f })).toBe(true);
    expect(sameData({ f }, { f: () => 1 })).toBe(false);
    expect(sameData(new Date(0), new Date(0))).toBe(false);
  });

  it("compares a component's props the same way", () => {
    expect(samePropsData({ series: { rows: [1] }, height: 3 }, { series: { rows: [1] }, height: 3 })).toBe(true);
    expect(samePropsData({ series: { rows: [1] }, height: 3 }, { series: { rows: [1] }, height: 4 })).toBe(false);
  });
});

describe("chart series of two plans (what decides whether a chart redraws)", () => {
  const base = series(fixturePlan());

  it("are the same for the same scenario planned twice", () => {
    expect(sameData(series(fixturePlan()), base)).toBe(true);
  });

  it("are the same for every chart when only the scenario's name changed", () => {
    const renamed = series(fixturePlan({ name: "Another name" }));
    for (const key of Object.keys(base) as (keyof typeof base)[]) expect(sameData(renamed[key], base[key]), key).toBe(true);
  });

  it("differ only for the cost charts when the monthly active users change", () => {
    const more = series(fixturePlan({ traffic: { ...scenarioInput.traffic!, monthlyActiveUsers: 5000 } }));
    expect(sameData(more.monthly, base.monthly)).toBe(false);
    expect(sameData(more.cumulative, base.cumulative)).toBe(false);
    expect(sameData(more.byMau, base.byMau)).toBe(false);
    expect(sameData(more.tornado, base.tornado)).toBe(false);
    expect(sameData(more.latency, base.latency)).toBe(true);
    expect(sameData(more.battery, base.battery)).toBe(true);
    expect(sameData(more.coverage, base.coverage)).toBe(true);
  });
});
