import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatUsdTick } from "@/lib/format/numbers";
import { planDiff } from "@/lib/plan-view/plan-diff";
import { recommendationSummary } from "@/lib/plan-view/summary";
import { exportFileName, tableToCsv, tableToMarkdown } from "@/lib/plan-view/table-export";
import { monthlyTable, planTables, strategyTable } from "@/lib/plan-view/tables";
import { fixturePlan } from "./fixture";

const labels = { variantName: "Tiny 1B Q4_0", priceName: "model (p)", deviceNames: {} };

describe("plan tables", () => {
  it("shows each strategy's TCO in whole dollars", () => {
    const plan = fixturePlan();
    const table = strategyTable(plan);
    expect(table.columns.map((c) => c.label)).toEqual(["Figure", "Cloud-only", "Hybrid", "Edge-only"]);
    const tco = table.rows.find((r) => r[0] === "12-month TCO")!;
    // Cloud-only: $3,000 + 12 × $40 = $3,480.
    expect(tco[1]).toBe("$3,480");
  });

  it("has one monthly row per month with requests and each strategy's cost", () => {
    const table = monthlyTable(fixturePlan());
    expect(table.rows).toHaveLength(12);
    // Month 1: 200,000 requests; cloud-only $40 that month, $3,040 so far.
    expect(table.rows[0]!.slice(0, 3)).toEqual(["1", "200,000", "$40.00"]);
    expect(table.rows[0]![5]).toBe("$3,040");
  });

  it("gives every table as many cells per row as columns", () => {
    for (const table of planTables(fixturePlan())) {
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
  });
});

describe("table exports", () => {
  it("writes the same cells as CSV, readable back by papaparse", () => {
    const table = strategyTable(fixturePlan());
    const parsed = Papa.parse<string[]>(tableToCsv(table)).data;
    expect(parsed[0]).toEqual(table.columns.map((c) => c.label));
    expect(parsed.slice(1)).toEqual(table.rows);
  });

  it("writes a Markdown table with right-aligned numbers and escaped pipes", () => {
    const md = tableToMarkdown({
      id: "t",
      title: "T",
      columns: [
        { label: "Name", numeric: false },
        { label: "Cost", numeric: true },
      ],
      rows: [["a|b", "$1"]],
    });
    expect(md).toBe(["### T", "", "| Name | Cost |", "| --- | ---: |", "| a\\|b | $1 |"].join("\n"));
  });

  it("names files after the scenario and the table", () => {
    expect(exportFileName("Chat assistant, 50k MAU (seed 001)", "monthly", "csv")).toBe("chat-assistant-50k-mau-seed-001-monthly.csv");
    expect(exportFileName("!!!", "all", "md")).toBe("scenario-all.md");
  });
});

describe("recommendationSummary", () => {
  it("says to stay on the cloud when the edge does not pay back", () => {
    const plan = fixturePlan();
    expect(plan.recommendation.strategy).toBe("cloudOnly");
    const summary = recommendationSummary(plan, labels);
    // 12-month horizon is a 1-year TCO of $3,480.
    expect(summary.headline).toMatch(/^Stay cloud-only on model \(p\): 1-year TCO \$3,480\./);
    expect(summary.figures.find((f) => f.testId === "rec-savings")?.value).toBe("–");
  });

  it("names the mix, the savings and the payback month when the edge wins", () => {
    const plan = fixturePlan({ traffic: { monthlyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    expect(plan.recommendation.strategy).toBe("hybrid");
    const summary = recommendationSummary(plan, labels);
    expect(summary.headline).toContain("Go hybrid: run Tiny 1B Q4_0 on Phone A");
    expect(summary.headline).toContain(`pays back in month ${plan.recommendation.breakEvenMonth}`);
    expect(summary.figures.find((f) => f.testId === "rec-strategy")?.value).toBe("Hybrid");
  });
});

describe("planDiff", () => {
  it("lists the TCO of each strategy saved and today, with the change", () => {
    const saved = fixturePlan();
    // Twice the users stands in for a doubled price: the cloud-only month goes from $40 to $80.
    const today = fixturePlan({ traffic: { monthlyActiveUsers: 2000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    const rows = planDiff(saved, today);
    const cloud = rows.find((r) => r.what === "Cloud-only TCO")!;
    // $3,480 → $3,000 + 12 × $80 = $3,960: +$480, +13.8 %.
    expect(cloud).toMatchObject({ before: "$3,480", after: "$3,960", changed: true, change: "+$480 (+13.8%)" });
  });

  it("says how many months later the break-even comes", () => {
    const saved = fixturePlan({ traffic: { monthlyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    // At 20K MAU the hybrid saves $400 a month (half the users on the edge) less $20 infrastructure and the
    // downloads ($200 in month 1, then 20,000 × 0.5 × (0.05 + 2/12) × 1 GB × $0.02 = $43.33): the $2,000
    // extra set-up is $1,820 behind after month 1 and $336.67 a month less after that, so month 7 (1,820 / 336.67 = 5.4).
    const today = fixturePlan({ traffic: { monthlyActiveUsers: 20_000, requestsPerUserPerDay: 10, activeDaysPerMonth: 20 } });
    const hybrid = planDiff(saved, today).find((r) => r.what === "Hybrid break-even")!;
    expect(hybrid).toMatchObject({ before: "month 1", after: "month 7", change: "+6 months", changed: true });
  });

  it("marks nothing changed for the same plan", () => {
    const plan = fixturePlan();
    expect(planDiff(plan, plan).every((r) => !r.changed && r.change === null)).toBe(true);
  });
});

describe("formatUsdTick", () => {
  it("drops cents on round axis ticks", () => {
    expect([0, 0.5, 500, 1500, 2_000_000].map(formatUsdTick)).toEqual(["$0", "$0.5", "$500", "$1.5K", "$2M"]);
  });
});
