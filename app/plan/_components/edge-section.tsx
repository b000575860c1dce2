"use client";

/** The edge model (a dataset variant, or a custom one) and the runtime whose runs are preferred. */
import { useId, useMemo, type ReactNode } from "react";
import { inlineVariantFromDataset } from "@/lib/planner/edits";
import { runtimeOptions, variantGroups } from "@/lib/planner/dataset-options";
import { issuesAt } from "@/lib/planner/issues";
import { CatalogueFields } from "./catalogue-fields";
import { useEditor } from "./editor-context";
import { StatusField, TextField } from "./fields";
import { Fold } from "./fold";
import { CUSTOM_REF, RefSelect } from "./ref-select";
import { FigureList } from "./provenance";

export function EdgeSection() {
  const { draft, edit, snapshot, runCounts, plan, issues } = useEditor();
  const runtimeListId = useId();
  const ref = draft.edge.variant;
  const inline = typeof ref !== "string";
  const variantId = inline ? null : ref.trim();
  const refIssues = issuesAt(issues, "edge.variant");
  // The option list depends on the dataset only: built once, not on every keystroke. Each
  // option's text is one string: one text node to hydrate, not five.
  const variantOptions = useMemo(() => {
    const byId = new Map<string, ReactNode>();
    const groups = variantGroups(snapshot, runCounts).map((group) => (
      <optgroup key={group.label} label={group.label}>
        {group.options.map(({ variant, runCount, detail }) => {
          const option = (
            <option key={variant.id} value={variant.id} disabled={variant.sizeGB === null && runCount === 0}>
              {`${variant.name}${detail ? ` [${detail}]` : ""} · ${variant.sizeGB === null ? "size unknown" : `${variant.sizeGB.toFixed(2)} GB`} · ${
                runCount === 0 ? "no runs" : `${runCount} run${runCount === 1 ? "" : "s"}`
              }`}
            </option>
          );
          byId.set(variant.id, option);
          return option;
        })}
      </optgroup>
    ));
    return { groups, byId };
  }, [snapshot, runCounts]);
  const runtimes = useMemo(() => runtimeOptions(snapshot, variantId, runCounts), [snapshot, variantId, runCounts]);
  const known = variantId !== null && snapshot.variants.some((v) => v.id === variantId);

  const onPick = (value: string) => {
    if (value === CUSTOM_REF) {
      edit((d) => {
        const copy = variantId ? inlineVariantFromDataset(snapshot, variantId, d.qualityMetric) : null;
        return { ...d, edge: { ...d.edge, variant: copy ?? { name: "Custom model", sizeGB: 1, status: "claimed" } } };
      });
    } else {
      edit((d) => ({ ...d, edge: { ...d.edge, variant: value } }));
    }
  };

  return (
    <section className="editor-section decision" aria-labelledby="decision-edge" data-testid="decision-edge">
      <h3 id="decision-edge">On-device model</h3>
      <RefSelect
        label="Model variant"
        testId="input-variant"
        value={ref}
        known={known}
        customLabel="Custom model…"
        missingLabel="not in the dataset"
        issues={refIssues}
        options={variantOptions.groups}
        chosen={variantId === null ? null : (variantOptions.byId.get(variantId) ?? null)}
        onPick={onPick}
        hideLabel
      />

      {inline ? (
        <div className="override">
          <p className="note">
            A custom model has no benchmark runs: speeds are estimated from memory bandwidth unless you override a
            device&apos;s speed.
          </p>
          <div className="field-grid">
            <TextField path={["edge", "variant", "name"]} label="Name" />
            <CatalogueFields section="edge.customModel" extra={{ "edge.variant.quality": { unit: `% ${draft.qualityMetric}` } }} />
            <StatusField path={["edge", "variant", "status"]} label="These figures are" />
          </div>
        </div>
      ) : (
        <div className="override-line">
          <FigureList
            figures={[
              { label: "Size", input: plan?.inputs["edge.variant.sizeGB"] },
              { label: "Peak memory", input: plan?.inputs["edge.variant.peakMemoryMB"] },
              { label: `Quality (${draft.qualityMetric})`, input: plan?.inputs["edge.variant.quality"] },
            ]}
            testId="variant-figures"
          />
          <button type="button" className="link-button" onClick={() => onPick(CUSTOM_REF)}>
            Override figures
          </button>
        </div>
      )}

      <Fold title={`Runtime: ${draft.edge.runtime || "any"}`} paths={["edge.runtime"]} testId="fold-runtime">
        <TextField path={["edge", "runtime"]} label="Runtime (runs on it are preferred)" list={runtimeListId} />
        <datalist id={runtimeListId}>
          {runtimes.map((runtime) => (
            <option key={runtime} value={runtime} />
          ))}
        </datalist>
      </Fold>
    </section>
  );
}
