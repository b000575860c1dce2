import { describe, expect, it } from "vitest";
import { benchmarksCsvHref, benchmarksHref, filtersOf } from "@/app/benchmarks/page-href";
import { parseBenchmarksPageParams } from "@/app/benchmarks/page-params";

describe("the benchmarks page's URL state", () => {
  it("parses filters, sort and paging, dropping what does not parse", () => {
    const params = parseBenchmarksPageParams({
      device: "s23",
      status: "bogus",
      source: ["3", "4"],
      sort: "decode",
      order: "desc",
      page: "2",
      size: "7",
      model: "",
    });
    expect(params).toEqual({ device: "s23", source: 3, sort: "decode", order: "desc", page: 2, size: 50 });
    expect(filtersOf(params)).toEqual({ device: "s23", source: 3 });
  });

  it("links keep filters and sort, leave defaults out, and the CSV link drops paging", () => {
    const params = parseBenchmarksPageParams({ device: "s23", status: "measured", sort: "decode", order: "desc", page: "3" });
    expect(benchmarksHref(params)).toBe("/benchmarks?device=s23&status=measured&sort=decode&order=desc&page=3");
    expect(benchmarksHref({ ...params, page: 1, size: 100 })).toBe(
      "/benchmarks?device=s23&status=measured&sort=decode&order=desc&size=100",
    );
    expect(benchmarksCsvHref(params)).toBe("/api/benchmarks.csv?device=s23&status=measured&sort=decode&order=desc");
    expect(benchmarksHref(parseBenchmarksPageParams({}))).toBe("/benchmarks");
  });
});
