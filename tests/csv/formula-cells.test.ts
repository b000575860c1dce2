import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { benchmarkRunsToCsv } from "@/lib/csv/benchmark-runs-csv";
import { escapeFormulaCell } from "@/lib/csv/formula-cells";
import { tableToCsv } from "@/lib/plan-view/table-export";
import { strategyTable } from "@/lib/plan-view/tables";
import type { BenchmarkRunResponse } from "@/lib/schemas/api";
import { fixturePlan } from "../plan-view/fixture";

describe("formula cells in CSV exports", () => {
  it.each([
    ["=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["=1\nsecond line", "'=1\nsecond line"],
  ])("escapes %j", (cell, escaped) => {
    expect(escapeFormulaCell(cell)).toBe(escaped);
  });

  it.each(["-12.5", "+3", "-1,200", "1e-3", "-4 %", "Phone A", "$40", "—"])("leaves %j as it is", (cell) => {
    expect(escapeFormulaCell(cell)).toBe(cell);
  });

  it("escapes a scenario's device named as a formula in the planner's table export", () => {
    const table = strategyTable(fixturePlan());
    const poisoned = { ...table, rows: [["=HYPERLINK(\"http://evil\",\"x\")", ...table.rows[0]!.slice(1)]] };
    const parsed = Papa.parse<string[]>(tableToCsv(poisoned)).data;
    expect(parsed[1]?.[0]).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    expect(parsed[1]?.slice(1)).toEqual(table.rows[0]!.slice(1));
  });

  it("escapes a formula followed by a newline in the benchmarks export (papaparse's own pattern misses it)", () => {
    const run = {
      id: 1, status: "measured", runtime: "llama.cpp", backend: null, measuredAt: null,
      notes: "=1+1\nsecond line",
      source: { id: 1, kind: "upload", title: "@lab", url: null },
      device: { id: "d", name: "D", soc: null },
      variant: { id: "v", modelId: "m", modelName: "M", quantization: "Q4_0", sizeGB: null, paramsB: null },
      metrics: Object.fromEntries(
        ["decodeTokensPerSec", "prefillTokensPerSec", "ttftMs", "promptTokens", "generatedTokens", "peakMemoryMB", "weightsMB", "powerW",
          "batteryDrainPctPer30Min", "throttlePct", "throttleAfterMin", "coldStartSec", "repetitions", "decodeStddevTokensPerSec",
          "prefillStddevTokensPerSec"].map((k) => [k, null]),
      ),
    } as unknown as BenchmarkRunResponse;
    const parsed = Papa.parse<Record<string, string>>(benchmarkRunsToCsv([run], true).trim(), { header: true });
    expect(parsed.data[0]?.notes).toBe("'=1+1\nsecond line");
    expect(parsed.data[0]?.sourceTitle).toBe("'@lab");
  });
});
