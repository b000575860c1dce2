"use client";

/**
 * A folded part of the editor: closed until opened, so the four decisions stay on
 * the first screen. It opens itself when a problem sits at one of its paths, so a
 * message is never hidden inside a closed fold. Its fields are rendered once it has
 * been opened, and kept from then on: a closed fold's fields were a large part of the
 * editor's hydration on a slow phone, for inputs nobody sees.
 */
import { useState, type ReactNode } from "react";
import { issuesUnder } from "@/lib/planner/issues";
import { useEditor } from "./editor-context";

interface FoldProps {
  title: ReactNode;
  /** Scenario paths whose problems open the fold ("costs", "traffic.monthlyGrowthPct"). */
  paths: string[];
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Fold({ title, paths, className, testId, children }: FoldProps) {
  const { issues } = useEditor();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const troubled = paths.some((p) => issuesUnder(issues, p).length > 0);
  if (troubled && !open) setOpen(true);
  if (open && !opened) setOpened(true);
  return (
    <details
      className={`fold${className ? ` ${className}` : ""}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid={testId}
    >
      <summary>{title}</summary>
      {opened ? children : null}
    </details>
  );
}
