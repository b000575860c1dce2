"use client";

import { useId } from "react";
import { qualityMetrics } from "@/lib/planner/dataset-options";
import { useEditor } from "./editor-context";
import { NumberField } from "./fields";
import { Fold } from "./fold";

export function ConstraintsSection() {
  const { draft, set, snapshot } = useEditor();
  const metricId = useId();
  return (
    <Fold
      className="editor-section"
      title="Constraints: latency, battery, memory, quality metric"
      paths={["constraints", "qualityMetric"]}
      testId="fold-constraints"
    >
      <div className="field-grid">
        <NumberField path={["constraints", "latencyBudgetMs"]} label="Latency budget" unit="ms" nullable step={100} testId="input-latency-budget" />
        <NumberField path={["constraints", "maxBatteryPctPerUserDay"]} label="Battery cap" unit="%/user-day" nullable step={0.5} />
        <NumberField path={["constraints", "usableRamFraction"]} label="Usable RAM" unit="% of RAM" scale={100} step={5} />
        <NumberField path={["constraints", "bandwidthEfficiency"]} label="Bandwidth efficiency" unit="%" scale={100} step={5} hint="for estimated speeds" />
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
            <span className="field-default">default mmlu</span>
          </span>
        </div>
      </div>
    </Fold>
  );
}
