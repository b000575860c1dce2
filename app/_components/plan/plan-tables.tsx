"use client";

/** The table view: every number behind the charts, each table exportable as CSV or Markdown exactly as shown. */
import { useState } from "react";
import { exportFileName, tableToCsv, tableToMarkdown, tablesToMarkdown } from "@/lib/plan-view/table-export";
import type { PlanTable } from "@/lib/plan-view/tables";

function download(fileName: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function useCopy(): [string | null, (label: string, text: string) => void] {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (label: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(label),
      () => setCopied(`${label}-failed`),
    );
  };
  return [copied, copy];
}

export function PlanTables({ tables, scenarioName }: { tables: PlanTable[]; scenarioName: string }) {
  const [copied, copy] = useCopy();
  return (
    <div className="plan-tables" data-testid="plan-tables">
      <div className="toolbar">
        <span className="muted">Every figure on the charts, as shown. Exports hold the same cells.</span>
        <span className="export-buttons">
          <button type="button" className="button" onClick={() => copy("all", tablesToMarkdown(tables))} data-testid="copy-all-markdown">
            {copied === "all" ? "Copied" : "Copy all as Markdown"}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => download(exportFileName(scenarioName, "all", "md"), tablesToMarkdown(tables), "text/markdown")}
          >
            Download Markdown
          </button>
        </span>
      </div>
      {copied?.endsWith("-failed") ? <p className="field-error">The clipboard is not available here; use Download.</p> : null}
      {tables.map((table) => (
        <section key={table.id} className="plan-table" aria-labelledby={`table-${table.id}`}>
          <div className="toolbar">
            <h3 id={`table-${table.id}`}>{table.title}</h3>
            <span className="export-buttons">
              <button
                type="button"
                className="link-button"
                data-testid={`csv-${table.id}`}
                onClick={() => download(exportFileName(scenarioName, table.id, "csv"), tableToCsv(table), "text/csv")}
              >
                CSV
              </button>
              <button type="button" className="link-button" onClick={() => copy(table.id, tableToMarkdown(table))}>
                {copied === table.id ? "Copied" : "Copy Markdown"}
              </button>
            </span>
          </div>
          <div className="table-scroll">
            <table data-testid={`table-${table.id}`}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className={table.columns[c]?.numeric ? "num" : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
