"use client";

/**
 * A dataset reference picker: the dataset's options, a "custom" entry that turns
 * the reference into an editable inline copy, and the id itself when the dataset
 * lacks it (a link from an older dataset), with the reference's issues below.
 *
 * The page is served and hydrated with the chosen option alone (and the custom entry):
 * the dataset's whole list (some 150 variants) was a large part of the editor's hydration
 * on a slow phone. The list joins in an idle task after hydration (useIdleMount), or at
 * once when the select is focused or pressed, before its list opens, so keyboard and
 * pointer users always choose from the whole list, and the closed select always shows
 * (and reads out) the chosen option.
 */
import { useId, type ReactNode } from "react";
import { useIdleMount } from "@/app/_components/plan/mount-when-idle";
import type { ScenarioIssue } from "@/lib/planner/issues";

/** The select value standing for an inline (custom) reference. */
export const CUSTOM_REF = "__custom__";

interface RefSelectProps {
  label: string;
  testId: string;
  /** The scenario's reference: a dataset id, or an inline object with a name. */
  value: string | { name: string };
  /** Whether the dataset has the id. */
  known: boolean;
  customLabel: string;
  missingLabel: string;
  issues: readonly ScenarioIssue[];
  /** The dataset's <optgroup>s, built once per dataset by the caller. */
  options: ReactNode;
  /** The <option> of the chosen dataset id, shown until the whole list joins; null when inline or unknown. */
  chosen: ReactNode;
  onPick: (value: string) => void;
  /** The section's heading already names the picker: the label is for screen readers only. */
  hideLabel?: boolean;
}

export function RefSelect({ label, testId, value, known, customLabel, missingLabel, issues, options, chosen, onPick, hideLabel = false }: RefSelectProps) {
  const selectId = useId();
  const [whole, showWhole] = useIdleMount();
  const inline = typeof value !== "string";
  const id = inline ? null : value.trim();
  return (
    <div className="field">
      <label htmlFor={selectId} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      <select
        id={selectId}
        value={inline ? CUSTOM_REF : (id ?? "")}
        onChange={(e) => onPick(e.target.value)}
        onFocus={showWhole}
        onPointerDown={showWhole}
        aria-invalid={issues.length > 0 || undefined}
        data-testid={testId}
      >
        <option value={CUSTOM_REF}>{inline ? `${value.name} (custom)` : customLabel}</option>
        {!inline && !known ? <option value={id ?? ""}>{`${id} (${missingLabel})`}</option> : null}
        {whole ? options : chosen}
      </select>
      <span className={issues.length > 0 ? "field-meta" : "field-meta field-meta-empty"}>
        {issues.map((issue) => (
          <span className="field-error" key={issue.message}>
            {issue.message}
          </span>
        ))}
      </span>
    </div>
  );
}
