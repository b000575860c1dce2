"use client";

/**
 * Every current cloud price for the scenario as it stands: a ranked table (the
 * cheapest cloud-only TCO first), and the prices picked from it planned side by
 * side. Ranking happens in the browser: the engine is pure and plans a scenario
 * without its tornado in well under a millisecond.
 */
import { useMemo } from "react";
import { StatusBadge } from "@/app/_components/status-badge";
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import { formatFigure, formatMs, formatUsd, formatUsdPerMTok } from "@/lib/format/numbers";
import { planScenario } from "@/lib/model";
import { STRATEGY_LABELS } from "@/lib/plan-view/labels";
import { scenarioLabels } from "@/lib/plan-view/scenario-labels";
import { recommendationSummary } from "@/lib/plan-view/summary";
import { rankPrices, withPrice } from "@/lib/planner/price-ranking";
import type { Scenario } from "@/lib/schemas/scenario";

interface PriceComparisonProps {
  scenario: Scenario;
  snapshot: DatasetSnapshot;
  picked: string[];
  onPickedChange: (ids: string[]) => void;
  /** Makes a price the scenario's cloud model. */
  onUse: (priceId: string) => void;
}

/** The most prices planned side by side: beyond four the columns get too narrow to read. */
export const MAX_PICKED = 4;

export function PriceComparison({ scenario, snapshot, picked, onPickedChange, onUse }: PriceComparisonProps) {
  const { rows, skipped } = useMemo(() => rankPrices(scenario, snapshot), [scenario, snapshot]);
  const current = typeof scenario.cloud.price === "string" ? scenario.cloud.price.trim() : null;
  const toggle = (id: string) =>
    onPickedChange(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id].slice(-MAX_PICKED));
  const years = scenario.horizonMonths;
  return (
    <section className="price-comparison" aria-labelledby="price-comparison-title" data-testid="price-comparison">
      <h3 id="price-comparison-title">Every cloud price for this traffic</h3>
      <p className="note">
        The same traffic, tiers and phones planned with each current price, cheapest cloud-only TCO first. Tick up to{" "}
        {MAX_PICKED} to plan them side by side. Prices are as their feeds state them (status beside each).
      </p>
      <SideBySide scenario={scenario} snapshot={snapshot} picked={picked} current={current} onRemove={toggle} onUse={onUse} />
      <div className="table-scroll">
        <table className="price-ranking" data-testid="price-ranking">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Pick</span>
              </th>
              <th scope="col">Cloud model</th>
              <th scope="col" className="num">
                Price in / out (per 1M tokens)
              </th>
              <th scope="col" className="num">
                Month 1, cloud-only
              </th>
              <th scope="col" className="num">
                Per 1,000 requests
              </th>
              <th scope="col" className="num">
                Quality ({scenario.qualityMetric})
              </th>
              <th scope="col" className="num">
                Latency
              </th>
              <th scope="col" className="num">
                {years}-month TCO, cloud-only
              </th>
              <th scope="col" className="num">
                {years}-month TCO, hybrid
              </th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.priceId} className={row.priceId === current ? "current" : undefined} data-price={row.priceId}>
                <td>
                  <input
                    type="checkbox"
                    checked={picked.includes(row.priceId)}
                    onChange={() => toggle(row.priceId)}
                    aria-label={`Plan ${row.name} side by side`}
                    data-testid="pick-price"
                  />
                </td>
                <th scope="row">
                  {row.name} <small className="sub">{row.provider}</small>
                  {row.priceId === current ? (
                    <small className="sub">planned now</small>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onUse(row.priceId)}>
                      Plan with this
                    </button>
                  )}
                </th>
                <td className="num">
                  {formatUsdPerMTok(row.inputUsdPerMTok)} / {formatUsdPerMTok(row.outputUsdPerMTok)} <StatusBadge status={row.status} />
                </td>
                <td className="num">{formatUsd(row.cloudOnlyMonthOneUsd)}</td>
                <td className="num">{row.cloudUsdPer1kRequests === null ? "–" : formatUsd(row.cloudUsdPer1kRequests)}</td>
                <td className="num">{row.quality === null ? "unknown" : `${formatFigure(row.quality)}%`}</td>
                <td className="num">{formatMs(row.latencyMs)}</td>
                <td className="num" data-testid="rank-cloud-tco">
                  {formatUsd(row.cloudOnlyTcoUsd)}
                </td>
                <td className="num">{formatUsd(row.hybridTcoUsd)}</td>
                <td>{STRATEGY_LABELS[row.recommended]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {skipped.length > 0 ? (
        <p className="note">
          Not planned: {skipped.map((s) => `${s.priceId} (${s.reason})`).join("; ")}.
        </p>
      ) : null}
    </section>
  );
}

interface SideBySideProps {
  scenario: Scenario;
  snapshot: DatasetSnapshot;
  picked: string[];
  /** The price the scenario plans with now: no "plan with it" for it. */
  current: string | null;
  onRemove: (id: string) => void;
  onUse: (id: string) => void;
}

/** The picked prices' answers in columns, the same figures as the recommendation. */
function SideBySide({ scenario, snapshot, picked, current, onRemove, onUse }: SideBySideProps) {
  const columns = useMemo(
    () =>
      picked.flatMap((id) => {
        if (!snapshot.prices.some((p) => p.id === id)) return [];
        const priced = withPrice(scenario, id);
        try {
          const plan = planScenario(priced, snapshot, { tornado: false });
          return [{ id, summary: recommendationSummary(plan, scenarioLabels(priced, snapshot)) }];
        } catch {
          return [];
        }
      }),
    [picked, scenario, snapshot],
  );
  if (columns.length === 0) return null;
  const rows = columns[0]!.summary.figures;
  return (
    <div className="table-scroll side-by-side">
      <table data-testid="side-by-side">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Figure</span>
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {snapshot.prices.find((p) => p.id === c.id)?.name ?? c.id}{" "}
                {c.id === current ? (
                  <small className="sub">planned now</small>
                ) : (
                  <button type="button" className="link-button" onClick={() => onUse(c.id)}>
                    plan with it
                  </button>
                )}{" "}
                <button type="button" className="icon-button" aria-label={`Remove ${c.id} from the comparison`} onClick={() => onRemove(c.id)}>
                  ×
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((figure, i) => (
            <tr key={figure.testId}>
              <th scope="row">{figure.label}</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {c.summary.figures[i]?.value}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">In a sentence</th>
            {columns.map((c) => (
              <td key={c.id} className="side-headline">
                {c.summary.headline}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
