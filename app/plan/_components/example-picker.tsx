"use client";

import { useId, useState } from "react";
import type { Scenario } from "@/lib/schemas/scenario";

export interface ExampleOption {
  id: string;
  scenario: Scenario;
}

interface ExamplePickerProps {
  examples: ExampleOption[];
  /** The draft holds edits an example would replace: ask before replacing them. */
  hasEdits: boolean;
  onPick: (example: ExampleOption) => void;
}

/** Starts over from an example: asks first when that would replace edits (the planner also offers an undo). */
export function ExamplePicker({ examples, hasEdits, onPick }: ExamplePickerProps) {
  const id = useId();
  const [pending, setPending] = useState<ExampleOption | null>(null);
  if (examples.length === 0) return null;
  return (
    <div className="field example-picker">
      <label htmlFor={id} className="visually-hidden">
        Start from an example
      </label>
      <select
        id={id}
        value=""
        data-testid="example-picker"
        onChange={(e) => {
          const example = examples.find((x) => x.id === e.target.value);
          if (!example) return;
          if (hasEdits) setPending(example);
          else onPick(example);
        }}
      >
        <option value="" disabled>
          Start from an example…
        </option>
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {example.scenario.name}
          </option>
        ))}
      </select>
      {pending ? (
        <p className="confirm-bar" role="alertdialog" aria-label="Replace your edits?" data-testid="example-confirm">
          Replace your edits with “{pending.scenario.name}”?{" "}
          <button
            type="button"
            className="button button-primary"
            data-testid="example-confirm-yes"
            onClick={() => {
              onPick(pending);
              setPending(null);
            }}
          >
            Replace
          </button>{" "}
          <button type="button" className="button" onClick={() => setPending(null)}>
            Keep my edits
          </button>
        </p>
      ) : null}
    </div>
  );
}
