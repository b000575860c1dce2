import { describe, expect, it } from "vitest";
import { benchmarksCsvHref, benchmarksHref, filtersOf, loadBenchmarksPageParams } from "@/app/benchmarks/page-href";

describe("the benchmarks page's URL state", () => {
  it("parses filters, sort and paging, dropping what does not parse", () => {
    const params = loadBenchmarksPageParams({
      device: " s23 ",
      status: "bogus",
      source: ["3", "4"],
      sort: "decode",
      order: "desc",
      page: "2",
      size: "7",
      model: "",
    });
    // The first `source` counts; a blank model is no filter; 7 is not a page size (25 is the default).
    expect(params).toEqual({ device: "s23", source: 3, sort: "decode", order: "desc", page: 2, size: 25 });
    expect(filtersOf(params)).toEqual({ device: "s23", source: 3 });
  });

  it("falls back to the defaults for every value it cannot read", () => {
    const params = loadBenchmarksPageParams({
      device: "x".repeat(201),
      source: "-3",
      sort: "price",
      order: "up",
      page: "2.5",
      size: "100abc",
    });
    expect(params).toEqual({ order: "asc", page: 1, size: 25 });
    expect(loadBenchmarksPageParams({ page: "0", source: "1e3" })).toEqual({ order: "asc", page: 1, size: 25 });
    expect(loadBenchmarksPageParams({ page: "1000001" }).page).toBe(1);
    expect(loadBenchmarksPageParams({ page: "1000000", size: "100" })).toMatchObject({ page: 1_000_000, size: 100 });
  });

  it("links keep filters and sort, leave defaults out, and the CSV link drops paging", () => {
    const params = loadBenchmarksPageParams({ device: "s23", status: "measured", sort: "decode", order: "desc", page: "3" });
    expect(benchmarksHref(params)).toBe("/benchmarks?device=s23&status=measured&sort=decode&order=desc&page=3");
    expect(benchmarksHref({ ...params, page: 1, size: 100 })).toBe(
      "/benchmarks?device=s23&status=measured&sort=decode&order=desc&size=100",
    );
    expect(benchmarksCsvHref(params)).toBe("/api/benchmarks.csv?device=s23&status=measured&sort=decode&order=desc");
    expect(benchmarksHref(loadBenchmarksPageParams({}))).toBe("/benchmarks");
  });

  it("names the order with its sort, ascending included, and never without one", () => {
    expect(benchmarksHref({ sort: "ttft", order: "asc" })).toBe("/benchmarks?sort=ttft&order=asc");
    expect(benchmarksHref({ order: "desc", page: 2 })).toBe("/benchmarks?page=2");
    // Values are encoded where a query needs it: a space, an ampersand (a slash may stay).
    expect(benchmarksHref({ model: "phi 4/mini&co" })).toBe("/benchmarks?model=phi+4/mini%26co");
  });
});
