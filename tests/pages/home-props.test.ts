import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getServerSideProps } from "@/pages/index";
import { useSeededAppDatabase } from "../helpers/app-db";
import { ingestNativeFile } from "../helpers/ingest";
import type { TempDatabase } from "../helpers/temp-db";

describe("the home page's getServerSideProps on the seed", () => {
  let temp: TempDatabase;
  let props: Awaited<ReturnType<typeof getServerSideProps>>["props"];
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
    ({ props } = await getServerSideProps());
  });
  afterAll(() => temp?.close());

  it("gives plain JSON, as `next dev` requires of a page's props (no undefined, no class)", () => {
    expect(JSON.parse(JSON.stringify(props))).toStrictEqual(props);
  });

  it("lays out a bar per measured q4_0 (device, model) pair, with the device's best backend", () => {
    const chart = props.decodeChart!;
    const bar = chart.bars.find((b) => b.series === "Samsung Galaxy S23" && b.category === "Gemma 3 1B");
    // data/external/pocketpal/…samsung-s23.json, gemma-3-1b q4_0: tg_avg 30.206… on OpenCL beats 27.117… on the CPU.
    expect(bar?.value).toBeCloseTo(30.2064, 4);
    expect(chart.legend.map((l) => l.series)).toContain("Samsung Galaxy S23");
    // Every bar stands on the axis and fits under its top.
    const axisTop = chart.yTicks[chart.yTicks.length - 1]!.value;
    for (const b of chart.bars) {
      expect(b.value).toBeLessThanOrEqual(axisTop);
      expect(b.y + b.height).toBeCloseTo(chart.plot.top + chart.plot.height, 1);
    }
  });

  it("is kept until the next write, then read again: a new price version counts at once", async () => {
    expect((await getServerSideProps()).props).toBe(props);
    await ingestNativeFile(temp.db, {
      format: "edge-llm-benchmarks",
      version: 1,
      source: { kind: "upload", title: "a write" },
      prices: [{ provider: "acme", modelKey: "m", name: "Acme M", inputUsdPerMTok: 1, outputUsdPerMTok: 2, effectiveDate: "2026-01-01", status: "claimed" }],
    });
    const after = (await getServerSideProps()).props;
    expect(after).not.toBe(props);
    expect(after.summary.prices).toBe(props.summary.prices + 1);
  });
});
