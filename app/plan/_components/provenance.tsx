"use client";

/**
 * Dataset figures as the editor shows them: value, unit and status badge inline,
 * the sources in a disclosure below (keyboard- and touch-reachable, unlike a tooltip).
 */
import { StatusBadge } from "@/app/_components/status-badge";
import { formatFigure, formatUsdPerMTok, readableNumbers } from "@/lib/format/numbers";
import type { InputValue } from "@/lib/model";

export interface ShownFigure {
  label: string;
  input: InputValue | undefined;
}

function valueText(input: InputValue): string {
  if (input.value === null) return "unknown";
  if (typeof input.value !== "number") return String(input.value);
  // Prices keep the digits that matter ($0.028, not 0.03).
  if (input.unit === "USD/1M tokens") return `${formatUsdPerMTok(input.value)} /1M tokens`;
  return `${formatFigure(input.value)} ${input.unit}`;
}

export function FigureList({ figures, testId }: { figures: ShownFigure[]; testId?: string }) {
  const known = figures.filter((f): f is { label: string; input: InputValue } => f.input !== undefined);
  if (known.length === 0) return null;
  return (
    <div className="figure-list" data-testid={testId}>
      <ul className="figures-inline">
        {known.map(({ label, input }) => (
          <li key={label}>
            <span className="muted">{label}</span> {valueText(input)} <StatusBadge status={input.status} />
          </li>
        ))}
      </ul>
      <details className="sources">
        <summary>Sources</summary>
        <ul>
          {known.map(({ label, input }) => (
            <li key={label}>
              <b>{label}:</b> {readableNumbers(input.source)}
              {input.note ? <span className="muted"> — {readableNumbers(input.note)}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
