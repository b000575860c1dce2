"use client";

/** The cloud model: a current price from the price list, or a custom (negotiated) price. */
import { useMemo, type ReactNode } from "react";
import { formatFigure, formatUsdPerMTok } from "@/lib/format/numbers";
import { inlinePriceFromDataset } from "@/lib/planner/edits";
import { priceGroups } from "@/lib/planner/dataset-options";
import { issuesAt } from "@/lib/planner/issues";
import { CatalogueFields, CatalogueFold } from "./catalogue-fields";
import { useEditor } from "./editor-context";
import { StatusField, TextField } from "./fields";
import { CUSTOM_REF, RefSelect } from "./ref-select";
import { FigureList } from "./provenance";

export function CloudSection() {
  const { draft, edit, snapshot, plan, issues } = useEditor();
  const ref = draft.cloud.price;
  const inline = typeof ref !== "string";
  const priceId = inline ? null : ref.trim();
  const refIssues = issuesAt(issues, "cloud.price");
  const known = priceId !== null && snapshot.prices.some((p) => p.id === priceId);
  // The option list depends on the dataset only: built once, not on every keystroke. Each
  // option's text is one string: one text node to hydrate.
  const priceOptions = useMemo(() => {
    const byId = new Map<string, ReactNode>();
    const groups = priceGroups(snapshot).map((group) => (
      <optgroup key={group.label} label={group.label}>
        {group.options.map((p) => {
          const option = (
            <option key={p.id} value={p.id}>
              {`${p.name} · ${formatUsdPerMTok(p.inputUsdPerMTok)} in / ${formatUsdPerMTok(p.outputUsdPerMTok)} out`}
            </option>
          );
          byId.set(p.id, option);
          return option;
        })}
      </optgroup>
    ));
    return { groups, byId };
  }, [snapshot]);

  const onPick = (value: string) => {
    if (value === CUSTOM_REF) {
      edit((d) => {
        const copy = priceId ? inlinePriceFromDataset(snapshot, priceId, d.qualityMetric) : null;
        const price = copy ?? { name: "Custom price", inputUsdPerMTok: 1, outputUsdPerMTok: 4, status: "claimed" as const };
        return { ...d, cloud: { ...d.cloud, price } };
      });
    } else {
      edit((d) => ({ ...d, cloud: { ...d.cloud, price: value } }));
    }
  };

  return (
    <section className="editor-section decision" aria-labelledby="decision-cloud" data-testid="decision-cloud">
      <h3 id="decision-cloud">Cloud model</h3>
      <RefSelect
        label="Price"
        testId="input-price"
        value={ref}
        known={known}
        customLabel="Custom price…"
        missingLabel="not in the price list"
        issues={refIssues}
        options={priceOptions.groups}
        chosen={priceId === null ? null : (priceOptions.byId.get(priceId) ?? null)}
        onPick={onPick}
        hideLabel
      />

      {inline ? (
        <div className="override">
          <div className="field-grid">
            <TextField path={["cloud", "price", "name"]} label="Name" />
            <CatalogueFields section="cloud.customPrice" extra={{ "cloud.price.quality": { unit: `% ${draft.qualityMetric}` } }} />
            <StatusField path={["cloud", "price", "status"]} label="These figures are" />
          </div>
        </div>
      ) : (
        <div className="override-line">
          <FigureList
            figures={[
              { label: "Input", input: plan?.inputs["cloud.price.inputUsdPerMTok"] },
              { label: "Output", input: plan?.inputs["cloud.price.outputUsdPerMTok"] },
              { label: "Cached input", input: plan?.inputs["cloud.price.cachedInputUsdPerMTok"] },
              { label: "First token", input: plan?.inputs["cloud.price.ttftMs"] },
              { label: "Output speed", input: plan?.inputs["cloud.price.tokensPerSec"] },
            ]}
            testId="price-figures"
          />
          <button type="button" className="link-button" onClick={() => onPick(CUSTOM_REF)} data-testid="override-price">
            Negotiated price…
          </button>
        </div>
      )}

      <CatalogueFold
        section="cloud.usage"
        title={`Caching, batch, retries, network, price trend: ${formatFigure(draft.cloud.cachedInputShare * 100)}% cached${
          draft.cloud.batchShare ? `, ${formatFigure(draft.cloud.batchShare * 100)}% batch` : ""
        }${draft.cloud.retryShare ? `, ${formatFigure(draft.cloud.retryShare * 100)}% retried` : ""}, ${draft.cloud.networkRttMs} ms, ${draft.cloud.priceChangePctPerYear}%/year`}
        testId="fold-cloud"
      />
    </section>
  );
}
