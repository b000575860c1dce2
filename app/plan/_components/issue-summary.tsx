"use client";

/** The draft's problems in one list; each jumps to its field (fields carry their path in data-path). */
import { describeIssue, type ScenarioIssue } from "@/lib/planner/issues";

function focusField(path: string) {
  // The field itself, else the closest section that holds fields below the path.
  const field =
    document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
    document.querySelector<HTMLElement>(`[data-path^="${CSS.escape(path)}."]`);
  field?.focus();
}

export function IssueSummary({ issues }: { issues: ScenarioIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="issue-summary" role="alert" data-testid="editor-issues">
      <b>
        {issues.length} problem{issues.length === 1 ? "" : "s"} in the scenario:
      </b>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(issue.path)}>
              {describeIssue(issue)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
