"use client";

/**
 * Labelled inputs bound to a scenario path: each shows its unit, its default
 * (from the schema) or the dataset value it replaces, and the zod issues at its path.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { defaultIn } from "@/lib/planner/default-at";
import { fieldLabel } from "@/lib/planner/field-labels";
import { wordsForTypo } from "@/lib/planner/issue-words";
import { issuesAt } from "@/lib/planner/issues";
import { formatNumberInput, parseNumberInput } from "@/lib/planner/number-input";
import { getIn, type Path } from "@/lib/planner/set-in";
import { useEditor } from "./editor-context";
import { significantFormat } from "@/lib/format/en-us-digits";

export interface NumberFieldProps {
  path: Path;
  /** By default the catalogue's (lib/planner/field-labels.ts), as are unit, scale and step. */
  label?: string;
  unit?: string;
  /** Shown value = stored value × scale (shares are stored 0..1 and shown in %). */
  scale?: number;
  /** Empty input means null ("none"), e.g. no latency budget. */
  nullable?: boolean;
  /** Empty input leaves the field out (an optional figure the engine then estimates). */
  optional?: boolean;
  /** The default to show when the schema has none at this path (tiers, inline objects). */
  defaultValue?: number | null;
  /** What the default is called ("dataset" for a prefilled dataset value). */
  defaultLabel?: string;
  /** Arrow-key step in shown units; Shift multiplies by 10. */
  step?: number;
  /** A reading of the value, e.g. "50K users". */
  hint?: ReactNode;
  testId?: string;
  /** Hide the label visually (tables with column headers); it stays for screen readers. */
  compact?: boolean;
}

// One formatter for every field's default, written by its digits (lib/format/en-us-digits.ts):
// toLocaleString builds an Intl formatter on each call, and the page's first one loads the
// browser's number data on the way to the first keystroke.
const defaultFormat = significantFormat(6);

function pathKey(path: Path): string {
  return path.map(String).join(".");
}

export function NumberField({
  path,
  label: labelProp,
  unit: unitProp,
  scale: scaleProp,
  nullable = false,
  optional = false,
  defaultValue,
  defaultLabel = "default",
  step: stepProp,
  hint,
  testId,
  compact = false,
}: NumberFieldProps) {
  const catalogued = fieldLabel(pathKey(path));
  const label = labelProp ?? catalogued.label;
  const unit = unitProp ?? catalogued.unit;
  const scale = scaleProp ?? catalogued.scale ?? 1;
  const step = stepProp ?? catalogued.step ?? 1;
  const { draft, issues, set, defaults } = useEditor();
  const id = useId();
  const raw = getIn(draft, path);
  const value = typeof raw === "number" ? raw : null;
  const [text, setText] = useState(() => formatNumberInput(value === null ? null : value * scale));
  const [shown, setShown] = useState<number | null>(value);
  const [typo, setTypo] = useState(false);
  // The draft changed elsewhere (an example, a normalise): show the new value.
  if (value !== shown) {
    setShown(value);
    setText(formatNumberInput(value === null ? null : value * scale));
    setTypo(false);
  }

  const commit = (next: number | null) => {
    setShown(next);
    set(path, next === null && optional ? undefined : next);
  };
  const mayBeEmpty = nullable || optional;
  const onText = (next: string) => {
    setText(next);
    const parsed = parseNumberInput(next);
    if (parsed.kind === "number") {
      setTypo(false);
      commit(parsed.value / scale);
    } else if (parsed.kind === "empty" && mayBeEmpty) {
      setTypo(false);
      commit(null);
    } else {
      setTypo(true);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const current = parseNumberInput(text);
    const base = current.kind === "number" ? current.value : 0;
    const delta = (event.shiftKey ? 10 : 1) * step * (event.key === "ArrowUp" ? 1 : -1);
    const next = Number((base + delta).toPrecision(12));
    setText(formatNumberInput(next));
    setTypo(false);
    commit(next / scale);
  };

  const key = pathKey(path);
  const fieldIssues = issuesAt(issues, key);
  const schemaDefault = defaultValue !== undefined ? defaultValue : defaultIn(defaults, key);
  const defaultText =
    schemaDefault === undefined || typeof schemaDefault === "string"
      ? null
      : schemaDefault === null
        ? "none"
        : defaultFormat(schemaDefault * scale);
  const describedBy = `${id}-meta`;
  const invalid = typo || fieldIssues.length > 0;

  return (
    <div className={`field${compact ? " field-compact" : ""}${invalid ? " field-invalid" : ""}`}>
      <label htmlFor={id} className={compact ? "visually-hidden" : undefined}>
        {label}
      </label>
      <span className="field-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={nullable ? "none" : optional ? "not set" : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          data-path={key}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <span className="unit">{unit}</span>
      </span>
      <span id={describedBy} className="field-meta">
        {typo ? (
          <span className="field-error">{wordsForTypo(label, mayBeEmpty)}</span>
        ) : (
          fieldIssues.map((issue) => (
            <span className="field-error" key={issue.message}>
              {issue.message}
            </span>
          ))
        )}
        {/* A reading of the value would describe the last number, not the text with the problem. */}
        {!compact && hint && !invalid ? <span className="field-hint">{hint}</span> : null}
        {/* The default is named once the value leaves it; a value at its default needs no second mention. */}
        {!compact && defaultText !== null && (schemaDefault === null ? value !== null : typeof schemaDefault === "number" && value !== schemaDefault) ? (
          <span className="field-default">
            {defaultLabel} {defaultText}
            {defaultText === "none" ? "" : ` ${unit}`}
          </span>
        ) : null}
      </span>
    </div>
  );
}

interface TextFieldProps {
  path: Path;
  label: string;
  testId?: string;
  compact?: boolean;
  list?: string;
  placeholder?: string;
}

export function TextField({ path, label, testId, compact = false, list, placeholder }: TextFieldProps) {
  const { draft, issues, set, defaults } = useEditor();
  const id = useId();
  const raw = getIn(draft, path);
  const key = pathKey(path);
  const fieldIssues = issuesAt(issues, key);
  const schemaDefault = defaultIn(defaults, key);
  return (
    <div className={`field${compact ? " field-compact" : ""}${fieldIssues.length ? " field-invalid" : ""}`}>
      <label htmlFor={id} className={compact ? "visually-hidden" : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={typeof raw === "string" ? raw : ""}
        list={list}
        placeholder={placeholder}
        aria-invalid={fieldIssues.length > 0 || undefined}
        aria-describedby={`${id}-meta`}
        data-testid={testId}
        data-path={key}
        onChange={(e) => set(path, e.target.value)}
      />
      <span id={`${id}-meta`} className="field-meta">
        {fieldIssues.map((issue) => (
          <span className="field-error" key={issue.message}>
            {issue.message}
          </span>
        ))}
        {!compact && typeof schemaDefault === "string" ? <span className="field-default">default {schemaDefault}</span> : null}
      </span>
    </div>
  );
}

/** The status an inline figure is given: what the user claims, or measured by them, or their estimate. */
export function StatusField({ path, label }: { path: Path; label: string }) {
  const { draft, set } = useEditor();
  const id = useId();
  const raw = getIn(draft, path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={typeof raw === "string" ? raw : "claimed"} onChange={(e) => set(path, e.target.value)}>
        <option value="measured">measured</option>
        <option value="claimed">claimed</option>
        <option value="estimated">estimated</option>
      </select>
      <span className="field-meta">
        <span className="field-default">default claimed</span>
      </span>
    </div>
  );
}

/** Issues at a section's own path (e.g. "tiers": the shares do not sum to 1). */
export function SectionIssues({ path }: { path: string }) {
  const { issues } = useEditor();
  const own = issuesAt(issues, path);
  if (own.length === 0) return null;
  return (
    <ul className="section-issues" role="alert">
      {own.map((issue) => (
        <li key={issue.message}>{issue.message}</li>
      ))}
    </ul>
  );
}
