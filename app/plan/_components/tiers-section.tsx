"use client";

import { formatFigure } from "@/lib/format/numbers";
import { addTier, normalizeTierShares, removeTier } from "@/lib/planner/edits";
import { shareSum, tierSharesBalanced } from "@/lib/schemas/scenario-rules";
import { useEditor } from "./editor-context";
import { NumberField, SectionIssues, TextField } from "./fields";
import { Fold } from "./fold";

/** Request tiers: share of requests, tokens in and out, and the quality the edge model must reach. */
export function TiersSection() {
  const { draft, edit } = useEditor();
  // The draft's, not the plan's: an unbalanced draft has no plan, and this is what it is told.
  const sum = shareSum(draft.tiers);
  const balanced = tierSharesBalanced(sum);
  return (
    <Fold
      className="editor-section"
      title={`Request tiers: ${draft.tiers.length} tier${draft.tiers.length === 1 ? "" : "s"}${balanced ? "" : `, shares sum to ${formatFigure(sum * 100)}%`}`}
      paths={["tiers"]}
      testId="fold-tiers"
    >
      <p className="note">
        Shares of requests sum to 100%. Min quality is the edge model&apos;s score on <b>{draft.qualityMetric}</b> a tier
        needs (default 0: any model).
      </p>
      <div className="tier-table" role="table" aria-label="Request tiers">
        <div className="tier-row tier-head" role="row">
          <span role="columnheader">Tier</span>
          <span role="columnheader">Share (%)</span>
          <span role="columnheader">Input (tokens)</span>
          <span role="columnheader">Output (tokens)</span>
          <span role="columnheader">Min quality (%)</span>
          <span role="columnheader">
            <span className="visually-hidden">Remove</span>
          </span>
        </div>
        {draft.tiers.map((tier, i) => (
          <div className="tier-row" role="row" key={i}>
            <TextField path={["tiers", i, "id"]} label={`Tier ${i + 1} id`} compact />
            <NumberField path={["tiers", i, "share"]} label={`${tier.id} share of requests`} unit="%" scale={100} step={5} compact />
            <NumberField path={["tiers", i, "inputTokens"]} label={`${tier.id} input tokens`} unit="tok" step={50} compact />
            <NumberField path={["tiers", i, "outputTokens"]} label={`${tier.id} output tokens`} unit="tok" step={50} compact />
            <NumberField path={["tiers", i, "minQuality"]} label={`${tier.id} minimum quality`} unit="%" step={5} compact />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove tier ${tier.id}`}
              disabled={draft.tiers.length <= 1}
              onClick={() => edit((d) => removeTier(d, i))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <div className="row-actions">
        <span className={balanced ? "muted" : "field-error"} data-testid="tier-share-sum">
          Sum {formatFigure(sum * 100)}%
        </span>
        {!balanced ? (
          <button type="button" className="link-button" onClick={() => edit(normalizeTierShares)}>
            Scale to 100%
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => edit(addTier)} disabled={draft.tiers.length >= 20}>
          + Add tier
        </button>
      </div>
      <SectionIssues path="tiers" />
    </Fold>
  );
}
