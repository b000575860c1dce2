import { describe, expect, it } from "vitest";
import { benchmarkColumns } from "@/app/benchmarks/_components/benchmark-columns";
import { nextSortOf } from "@/app/benchmarks/_components/benchmark-table";

const column = (id: string) => benchmarkColumns.find((c) => c.id === id)!;

describe("a run table header's sort link", () => {
  it("sorts speeds fastest first, then slowest first, then not at all", () => {
    expect(nextSortOf(column("decode"), { order: "asc" })).toEqual({ sort: "decode", order: "desc" });
    expect(nextSortOf(column("decode"), { sort: "decode", order: "desc" })).toEqual({ sort: "decode", order: "asc" });
    expect(nextSortOf(column("decode"), { sort: "decode", order: "asc" })).toBeNull();
  });

  it("sorts names A to Z first, and another column's sort gives way", () => {
    expect(nextSortOf(column("device"), { sort: "decode", order: "desc" })).toEqual({ sort: "device", order: "asc" });
    expect(nextSortOf(column("device"), { sort: "device", order: "asc" })).toEqual({ sort: "device", order: "desc" });
    expect(nextSortOf(column("device"), { sort: "device", order: "desc" })).toBeNull();
  });

  it("has no link on the details column", () => {
    expect(nextSortOf(column("details"), { order: "asc" })).toBeNull();
  });
});
