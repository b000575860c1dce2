"use client";

import { useId } from "react";
import { latencyTargetWords } from "@/lib/planner/latency-target";
import { qualityMetrics } from "@/lib/planner/dataset-options";
import { formatMs, formatPct } from "@/lib/format/numbers";
import { CatalogueFields } from "./catalogue-fields";
import { useEditor } from "./editor-context";
import { Fold } from "./fold";

export function ConstraintsSection() {
  const { draft, set, snapshot, defaults } = useEditor();
  const metricId = useId();
  const targetId = useId();
  return (
    <Fold
      className="editor-section"
      title={`Limits: ${
        draft.constraints.latencyBudgetMs === null
          ? "no latency budget"
          : `${formatMs(draft.constraints.latencyBudgetMs)} for ${latencyTargetWords(draft)}`
      } · ${
        draft.constraints.maxBatteryPctPerUserDay === null ? "no battery cap" : `battery ${formatPct(draft.constraints.maxBatteryPctPerUserDay)}/user-day`
      } · ${formatPct(draft.constraints.usableRamFraction * 100)} of RAM · ${draft.qualityMetric}`}
      paths={["constraints", "qualityMetric"]}
      testId="fold-constraints"
    >
      <div className="field-grid">
        <CatalogueFields
          section="constraints"
          extra={{
            "constraints.latencyBudgetMs": {
              testId: "input-latency-budget",
              hint: <span data-testid="latency-target">bounds {latencyTargetWords(draft)}</span>,
            },
          }}
          custom={{
            "constraints.latencyTarget": (
              <div className="field">
                <label htmlFor={targetId}>The budget bounds</label>
                <select
                  id={targetId}
                  data-testid="input-latency-target"
                  value={draft.constraints.latencyTarget}
                  onChange={(e) => set(["constraints", "latencyTarget"], e.target.value)}
                >
                  <option value="fullResponse">the whole response</option>
                  <option value="firstToken">the first token</option>
                </select>
              </div>
            ),
            qualityMetric: (
              <div className="field">
                <label htmlFor={metricId}>Quality metric</label>
                <select id={metricId} value={draft.qualityMetric} onChange={(e) => set(["qualityMetric"], e.target.value)}>
                  {qualityMetrics(snapshot, draft.qualityMetric).map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
                <span className="field-meta">
                  <span className="field-default">default {defaults.qualityMetric}</span>
                </span>
              </div>
            ),
          }}
        />
      </div>
    </Fold>
  );
}
