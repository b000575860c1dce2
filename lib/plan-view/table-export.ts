/** A table of display strings as CSV (papaparse) or a Markdown table: the cells as shown. */
import Papa from "papaparse";
import { escapeFormulaCell } from "@/lib/csv/formula-cells";
import type { PlanTable } from "./tables";

/** Cells that a spreadsheet would run as formulas (a scenario's device named "=HYPERLINK(…)") are escaped. */
export function tableToCsv(table: PlanTable): string {
  return Papa.unparse(
    { fields: table.columns.map((c) => escapeFormulaCell(c.label)), data: table.rows.map((row) => row.map(escapeFormulaCell)) },
    { newline: "\n" },
  );
}

function markdownCell(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function tableToMarkdown(table: PlanTable): string {
  const header = `| ${table.columns.map((c) => markdownCell(c.label)).join(" | ")} |`;
  const rule = `| ${table.columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`;
  const body = table.rows.map((row) => `| ${row.map(markdownCell).join(" | ")} |`);
  return [`### ${table.title}`, "", header, rule, ...body].join("\n");
}

export function tablesToMarkdown(tables: readonly PlanTable[]): string {
  return tables.map(tableToMarkdown).join("\n\n") + "\n";
}

/** A file name from a table and scenario name: "chat-assistant-50k-strategies.csv". */
export function exportFileName(scenarioName: string, tableId: string, extension: "csv" | "md"): string {
  const slug = scenarioName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "scenario"}-${tableId}.${extension}`;
}
