"use client";

/**
 * The device mix: each class is a dataset device or a custom phone (an inline
 * device), with its share of users. Each shows the facts and speed figures the
 * plan used with their status and sources, and lets either be overridden: the
 * device's facts by switching to an inline copy, its speed by an inline run,
 * and the bandwidth efficiency of its speed estimate (device-efficiency.tsx).
 */
import { useId, useMemo, useState } from "react";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { formatFigure } from "@/lib/format/numbers";
import type { DeviceClassPlan } from "@/lib/model";
import {
  addCustomPhone,
  addDeviceClass,
  addInlineRunFor,
  datasetIdOfInlineDevice,
  inlineDeviceFromDataset,
  inlineRunIndex,
  removeDeviceClass,
  removeInlineRun,
  setDeviceRef,
} from "@/lib/planner/edits";
import { deviceOptions } from "@/lib/planner/dataset-options";
import { issuesAt, issuesUnder } from "@/lib/planner/issues";
import { deviceKeyOf, otherUsersShare } from "@/lib/schemas/scenario-rules";
import type { Scenario } from "@/lib/schemas/scenario";
import { useIdleMount } from "@/app/_components/plan/mount-when-idle";
import { CatalogueFields } from "./catalogue-fields";
import { DeviceEfficiency } from "./device-efficiency";
import { useEditor } from "./editor-context";
import { NumberField, SectionIssues, StatusField, TextField } from "./fields";
import { FigureList } from "./provenance";

const CUSTOM = "__custom__";

export function DevicesSection() {
  const { draft, edit, snapshot } = useEditor();
  return (
    <section className="editor-section decision" aria-labelledby="decision-devices" data-testid="decision-devices">
      <h3 id="decision-devices">Users&apos; phones</h3>
      <div className="device-columns">
        <span>Phone</span>
        <span>Share of users</span>
      </div>
      <ol className="device-list">
        {draft.devices.map((entry, i) => (
          <DeviceClassEditor key={`${i}-${deviceKeyOf(entry.device)}`} index={i} />
        ))}
      </ol>
      <div className="row-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => edit((d) => addDeviceClass(d, snapshot))}
          disabled={draft.devices.length >= 50}
          data-testid="add-device"
        >
          + Add device
        </button>
        <button type="button" className="link-button" onClick={() => edit(addCustomPhone)} disabled={draft.devices.length >= 50}>
          + Add custom phone
        </button>
        <span className="muted" data-testid="device-other-share">
          Other phones: {formatFigure(otherUsersShare(draft.devices) * 100)}%, on the cloud
        </span>
      </div>
      <SectionIssues path="devices" />
    </section>
  );
}

function DeviceClassEditor({ index }: { index: number }) {
  const { draft, edit, snapshot, plan, issues } = useEditor();
  const selectId = useId();
  const [wholeList, showWholeList] = useIdleMount();
  // The dataset's devices, sorted by name: depends on the dataset only, not on every keystroke.
  const options = useMemo(() => deviceOptions(snapshot), [snapshot]);
  const entry = draft.devices[index]!;
  const ref = entry.device;
  const key = deviceKeyOf(ref);
  const inline = typeof ref !== "string";
  const datasetTwin = datasetIdOfInlineDevice(snapshot, ref);
  const classPlan = plan?.devices.find((d) => d.deviceId === key);
  const used = new Set(draft.devices.map((d, i) => (i === index ? null : deviceKeyOf(d.device))));
  const refIssues = issuesAt(issues, `devices.${index}.device`);
  const name = inline ? ref.name : (snapshot.devices.find((d) => d.id === key)?.name ?? key);
  // The facts and speed fold under the row; a problem in them opens it.
  const [open, setOpen] = useState(false);
  const runIndex = inlineRunIndex(draft, key);
  const troubled =
    issuesUnder(issues, `devices.${index}`).some((i) => i.path !== `devices.${index}.share` && i.path !== `devices.${index}.device`) ||
    (runIndex >= 0 && issuesUnder(issues, `edge.runs.${runIndex}`).length > 0);
  if (troubled && !open) setOpen(true);
  const detailId = `${selectId}-detail`;

  const onPick = (value: string) => {
    if (value === CUSTOM) {
      edit((d) => addCustomPhoneAt(d, index));
      return;
    }
    edit((d) => setDeviceRef(d, index, value));
  };

  return (
    <li className="device-class" data-testid="device-class" data-device={key}>
      <div className="device-head">
        <div className="field device-pick">
          <label htmlFor={selectId} className="visually-hidden">
            Device {index + 1}
          </label>
          {/* Served and hydrated with the chosen phone alone; the list joins when idle or reached for (ref-select.tsx). */}
          <select
            id={selectId}
            value={inline ? CUSTOM : key}
            onChange={(e) => onPick(e.target.value)}
            onFocus={showWholeList}
            onPointerDown={showWholeList}
            aria-invalid={refIssues.length > 0 || undefined}
          >
            {inline ? <option value={CUSTOM}>{`${ref.name} (custom)`}</option> : <option value={CUSTOM}>Custom phone…</option>}
            {!inline && !snapshot.devices.some((d) => d.id === key) ? <option value={key}>{`${key} (not in the dataset)`}</option> : null}
            {(wholeList ? options : options.filter((d) => !inline && d.id === key)).map((d) => (
              <option key={d.id} value={d.id} disabled={used.has(d.id)}>
                {`${d.name}${d.ramGB !== null ? ` · ${formatFigure(d.ramGB)} GB` : ""}`}
              </option>
            ))}
          </select>
          {refIssues.map((issue) => (
            <span className="field-error" key={issue.message}>
              {issue.message}
            </span>
          ))}
        </div>
        <NumberField path={["devices", index, "share"]} label={`Share of users on ${name}`} unit="%" scale={100} step={5} compact />
        <button
          type="button"
          className="icon-button detail-toggle"
          aria-expanded={open}
          aria-controls={detailId}
          aria-label={`Facts and speed of ${name}`}
          title="Facts and speed"
          data-testid="device-detail-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? "▾" : "▸"}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove ${name}`}
          onClick={() => edit((d) => removeDeviceClass(d, index))}
        >
          ×
        </button>
      </div>
      {open ? (
      <div className="device-detail" id={detailId} data-testid="device-detail">
      {inline ? (
        <div className="override">
          <div className="field-grid">
            <TextField path={["devices", index, "device", "name"]} label="Name" />
            <CatalogueFields
              section="devices.customPhone"
              index={index}
              extra={Object.fromEntries(
                (["ramGB", "memoryBandwidthGBps", "batteryWh"] as const).map((fact) => [
                  `devices.#.device.${fact}`,
                  { defaultValue: datasetFact(snapshot, datasetTwin, fact), defaultLabel: "dataset" },
                ]),
              )}
            />
            <StatusField path={["devices", index, "device", "status"]} label="These figures are" />
          </div>
          {datasetTwin !== null ? (
            <button type="button" className="link-button" onClick={() => edit((d) => setDeviceRef(d, index, datasetTwin))}>
              Use the dataset&apos;s values again
            </button>
          ) : null}
        </div>
      ) : (
        <div className="override-line">
          <FigureList
            figures={[
              { label: "RAM", input: plan?.inputs[`devices.${key}.ramGB`] },
              { label: "Bandwidth", input: plan?.inputs[`devices.${key}.memoryBandwidthGBps`] },
              { label: "Battery", input: plan?.inputs[`devices.${key}.batteryWh`] },
            ]}
          />
          <button
            type="button"
            className="link-button"
            onClick={() =>
              edit((d) => {
                const copy = inlineDeviceFromDataset(snapshot, key);
                return copy ? setDeviceRef(d, index, copy) : d;
              })
            }
          >
            Override facts
          </button>
        </div>
      )}
      <SpeedFigures deviceKey={key} classPlan={classPlan} />
      <DeviceEfficiency index={index} datasetId={inline ? datasetTwin : key} classPlan={classPlan} />
      </div>
      ) : null}
    </li>
  );
}

/** A custom phone replacing the class at `index`, keeping its share. */
function addCustomPhoneAt(scenario: Scenario, index: number): Scenario {
  const withPhone = addCustomPhone(scenario);
  const phone = withPhone.devices[withPhone.devices.length - 1]!.device;
  return setDeviceRef(scenario, index, phone);
}

function datasetFact(
  snapshot: DatasetSnapshot,
  id: string | null,
  fact: "ramGB" | "memoryBandwidthGBps" | "batteryWh",
): number | null | undefined {
  if (id === null) return undefined;
  const device = snapshot.devices.find((d) => d.id === id);
  return device ? device[fact] : undefined;
}

/** The speed figures the plan used for a class, or the inline run that overrides them. */
function SpeedFigures({ deviceKey, classPlan }: { deviceKey: string; classPlan: DeviceClassPlan | undefined }) {
  const { draft, edit, plan, datasetPlan } = useEditor();
  const runIndex = inlineRunIndex(draft, deviceKey);
  if (runIndex >= 0) {
    const at = ["edge", "runs", runIndex] as const;
    // What the dataset (or the planner's estimate) gives without the override.
    const base = datasetPlan?.devices.find((d) => d.deviceId === deviceKey);
    return (
      <div className="override" data-testid="inline-run">
        <p className="override-title">Speed on this phone (your run overrides the dataset)</p>
        <div className="field-grid">
          <CatalogueFields
            section="devices.speedOverride"
            index={runIndex}
            extra={Object.fromEntries(
              (["decodeTokensPerSec", "ttftMs", "powerW", "throttlePct"] as const).map((figure) => [
                `edge.runs.#.${figure}`,
                { defaultValue: base?.[figure] ?? undefined, defaultLabel: "without override" },
              ]),
            )}
          />
          <StatusField path={[...at, "status"]} label="These figures are" />
        </div>
        <button type="button" className="link-button" onClick={() => edit((d) => removeInlineRun(d, runIndex))}>
          Use the dataset&apos;s run again
        </button>
      </div>
    );
  }
  if (!classPlan) return <p className="note">Speed figures appear once the scenario is valid.</p>;
  if (!classPlan.plannable) {
    return (
      <p className="note" data-testid="device-not-plannable">
        Cannot run the model: {classPlan.reason ?? "unknown reason"}.
        {classPlan.capable ? (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => edit((d) => addInlineRunFor(d, classPlan))}>
              Enter a speed
            </button>
          </>
        ) : null}
      </p>
    );
  }
  const key = classPlan.deviceId;
  return (
    <div className="override-line">
      <FigureList
        figures={[
          { label: "Decode", input: plan?.inputs[`devices.${key}.decodeTokensPerSec`] },
          { label: "First token", input: plan?.inputs[`devices.${key}.ttftMs`] },
          { label: "Power", input: plan?.inputs[`devices.${key}.powerW`] },
          { label: "Throttling", input: plan?.inputs[`devices.${key}.throttlePct`] },
        ]}
        testId="device-speed-figures"
      />
      <button type="button" className="link-button" onClick={() => edit((d) => addInlineRunFor(d, classPlan))}>
        Override speed
      </button>
    </div>
  );
}
