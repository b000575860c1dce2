"use client";

import { useId } from "react";
import type { Scenario } from "@/lib/schemas/scenario";

export interface ExampleOption {
  id: string;
  scenario: Scenario;
}

/** Starts over from an example; the planner offers an undo, so no confirmation dialog. */
export function ExamplePicker({ examples, onPick }: { examples: ExampleOption[]; onPick: (example: ExampleOption) => void }) {
  const id = useId();
  if (examples.length === 0) return null;
  return (
    <div className="field example-picker">
      <label htmlFor={id}>Start from an example</label>
      <select
        id={id}
        value=""
        data-testid="example-picker"
        onChange={(e) => {
          const example = examples.find((x) => x.id === e.target.value);
          if (example) onPick(example);
        }}
      >
        <option value="" disabled>
          Choose an example…
        </option>
        {examples.map((example) => (
          <option key={example.id} value={example.id}>
            {example.scenario.name}
          </option>
        ))}
      </select>
    </div>
  );
}
