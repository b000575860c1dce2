"use client";

/**
 * A device class's own bandwidth efficiency: the calibrated share of the bandwidth
 * bound the scenario's runtime reaches on this phone (from its measured runs), a
 * button to use it, and once set, the value to edit or reset. It replaces the
 * scenario's efficiency only in this class's speed estimate, so it says whether
 * the class is estimated at all.
 */
import { StatusBadge } from "@/app/_components/status-badge";
import type { DeviceClassPlan } from "@/lib/model";
import { calibrationFor } from "@/lib/planner/calibration";
import { setDeviceEfficiency } from "@/lib/planner/edits";
import { useEditor } from "./editor-context";
import { NumberField } from "./fields";

interface DeviceEfficiencyProps {
  index: number;
  /** The dataset device behind the class (itself, or the one an inline copy stands for); null for a custom phone. */
  datasetId: string | null;
  classPlan: DeviceClassPlan | undefined;
}

function usageNote(classPlan: DeviceClassPlan | undefined): string {
  const rule = "Used only when this phone has no run of the model";
  if (classPlan?.speedBasis === "estimate") return `${rule}: it has none, so the decode speed above is this × bandwidth ÷ model size.`;
  if (classPlan?.speedBasis === "run") return `${rule}: it has one, so the plan uses the run's speed and this has no effect.`;
  return `${rule}.`;
}

export function DeviceEfficiency({ index, datasetId, classPlan }: DeviceEfficiencyProps) {
  const { draft, edit, snapshot } = useEditor();
  const own = draft.devices[index]?.bandwidthEfficiency;
  const calibration = datasetId === null ? null : calibrationFor(snapshot, datasetId, draft.edge.runtime);
  if (calibration === null && own === undefined) return null;

  return (
    <div className="device-efficiency" data-testid="device-efficiency">
      {calibration ? (
        <p className="efficiency-line" data-testid="device-calibration">
          {calibration.runtime} reaches <b>{Math.round(calibration.efficiency * 100)}%</b> of the bandwidth bound on this phone,
          median of {calibration.variants} model variant{calibration.variants === 1 ? "" : "s"} <StatusBadge status="measured" />{" "}
          {own !== calibration.suggested ? (
            <button
              type="button"
              className="link-button"
              data-testid="use-calibration"
              onClick={() => edit((d) => setDeviceEfficiency(d, index, calibration.suggested))}
            >
              Use {calibration.suggested}
            </button>
          ) : null}
        </p>
      ) : null}
      {own !== undefined ? (
        <div className="efficiency-field">
          <NumberField
            path={["devices", index, "bandwidthEfficiency"]}
            label="Bandwidth efficiency on this phone"
            unit="fraction of the bandwidth bound"
            optional
            step={0.05}
            defaultValue={draft.constraints.bandwidthEfficiency}
            defaultLabel="scenario default"
            testId="input-device-efficiency"
          />
          <button
            type="button"
            className="link-button"
            data-testid="reset-device-efficiency"
            aria-label="Reset to the scenario's bandwidth efficiency"
            onClick={() => edit((d) => setDeviceEfficiency(d, index, undefined))}
          >
            Reset
          </button>
        </div>
      ) : null}
      <p className="efficiency-note">{usageNote(classPlan)}</p>
    </div>
  );
}
