"use client";

import { useId, useState, type ReactNode } from "react";

interface ExpandableRowProps {
  /** The row's cells but the last, which holds the toggle. */
  cells: ReactNode;
  /** Shown in a full-width row under this one when open. */
  details: ReactNode;
  /** Words on the toggle, e.g. "3 more". */
  toggleLabel: string;
  /** What the toggle opens, for screen readers. */
  toggleDescription: string;
  colSpan: number;
  rowProps?: Record<`data-${string}`, string>;
}

/** A table row with a button that opens a full-width row of details beneath it. */
export function ExpandableRow({ cells, details, toggleLabel, toggleDescription, colSpan, rowProps }: ExpandableRowProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <tr {...rowProps}>
        {cells}
        <td>
          <button
            type="button"
            className="link-button"
            aria-expanded={open}
            aria-controls={id}
            aria-label={toggleDescription}
            onClick={() => setOpen((v) => !v)}
            data-testid="price-history-toggle"
          >
            {open ? "▾" : "▸"} {toggleLabel}
          </button>
        </td>
      </tr>
      <tr id={id} className="details-row" hidden={!open}>
        <td colSpan={colSpan}>{details}</td>
      </tr>
    </>
  );
}
