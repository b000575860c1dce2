"use client";

/**
 * A link whose scenario is cut off, tampered with or out of range: say which
 * field is wrong, and replace it with the default scenario only when the person
 * agrees. They may instead fix the JSON by hand.
 */
import { useId, useState } from "react";
import type { ScenarioIssue } from "@/lib/planner/issues";

interface UrlStateProblemProps {
  issues: ScenarioIssue[];
  raw: string;
  defaultName: string;
  onUseDefault: () => void;
  /** Tries a hand-edited scenario; returns its issues, empty when it was accepted. */
  onTryRaw: (raw: string) => Promise<ScenarioIssue[]>;
}

export function UrlStateProblem({ issues, raw, defaultName, onUseDefault, onTryRaw }: UrlStateProblemProps) {
  const [text, setText] = useState(raw);
  const [retryIssues, setRetryIssues] = useState<ScenarioIssue[] | null>(null);
  const textId = useId();
  const shown = retryIssues ?? issues;
  return (
    <section className="url-problem" role="alert" data-testid="url-state-error">
      <h2>This link&apos;s scenario cannot be used</h2>
      <p>The scenario in the address is incomplete or was changed by hand. What is wrong:</p>
      <ul data-testid="url-state-issues">
        {shown.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            {issue.message}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button button-primary" onClick={onUseDefault} data-testid="use-default-scenario">
          Start from the default scenario ({defaultName})
        </button>
      </p>
      <details>
        <summary>Or fix the scenario by hand</summary>
        <label htmlFor={textId}>Scenario JSON</label>
        <textarea id={textId} rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        <button type="button" className="button" onClick={() => void onTryRaw(text).then(setRetryIssues)}>
          Use this scenario
        </button>
      </details>
      <p className="muted">Nothing changes until you choose.</p>
    </section>
  );
}
