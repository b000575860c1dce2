import Link from "next/link";
import { formatUsdPerMTok } from "@/lib/format/numbers";
import { blendedUsdPerMTok } from "@/lib/pricing/blended-price";
import { effectiveLabel, type PricedModel } from "@/lib/pricing/price-history";
import { priceTierNotes } from "@/lib/pricing/price-tiers";
import type { PriceSortKey } from "@/lib/pricing/price-list";
import type { PriceResponse } from "@/lib/schemas/api";
import { StatusBadge } from "@/app/_components/status-badge";
import { pricingHref, type PricingPageParams } from "../page-href";
import { ExpandableRow } from "./expandable-row";
import { SourceLink } from "@/app/_components/source-link";

const columns: { key: PriceSortKey; label: string; numeric?: boolean; title?: string }[] = [
  { key: "provider", label: "Provider" },
  { key: "name", label: "Model" },
  { key: "input", label: "Input", numeric: true, title: "USD per 1M input tokens" },
  { key: "cached", label: "Cached input", numeric: true, title: "USD per 1M cached input tokens" },
  { key: "output", label: "Output", numeric: true, title: "USD per 1M output tokens" },
  { key: "blended", label: "Blended 3:1", numeric: true, title: "USD per 1M tokens at 3 input : 1 output" },
  { key: "effectiveDate", label: "Effective, status" },
];

function SourceOf({ price, wrap = false }: { price: PriceResponse; wrap?: boolean }) {
  return <SourceLink source={price.source} className={wrap ? undefined : "source-link"} />;
}

function HistoryTable({ model }: { model: PricedModel }) {
  return (
    <table className="history-table" data-testid="price-history">
      <caption>Other price versions of {model.name}</caption>
      <thead>
        <tr>
          <th>Effective</th>
          <th className="num">Input</th>
          <th className="num">Cached input</th>
          <th className="num">Output</th>
          <th className="num">Blended 3:1</th>
          <th>Status</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {model.history.map((p) => (
          <tr key={p.id}>
            <td>{effectiveLabel(p)}</td>
            <td className="num">{formatUsdPerMTok(p.inputUsdPerMTok)}</td>
            <td className="num">{formatUsdPerMTok(p.cachedInputUsdPerMTok)}</td>
            <td className="num">{formatUsdPerMTok(p.outputUsdPerMTok)}</td>
            <td className="num">{formatUsdPerMTok(blendedUsdPerMTok(p.inputUsdPerMTok, p.outputUsdPerMTok))}</td>
            <td>
              <StatusBadge status={p.status} />
            </td>
            <td>
              <SourceOf price={p} wrap />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The sortable columns, then source and history. */
const COLUMN_COUNT = columns.length + 2;

/** Cloud prices (USD per 1M tokens), one row per model at a provider, its other versions folded below. */
export function PriceTable({ models, params }: { models: PricedModel[]; params: PricingPageParams }) {
  return (
    <div className="table-scroll">
      <table className="price-table" data-testid="price-table">
        <caption className="visually-hidden">Cloud prices in US dollars per million tokens; select a header to sort</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = params.sort === c.key;
              // Cheapest first; newest first for dates.
              const firstOrder = c.key === "effectiveDate" ? "desc" : "asc";
              const nextOrder = active ? (params.order === "asc" ? "desc" : "asc") : firstOrder;
              return (
                <th
                  key={c.key}
                  className={c.numeric ? "num" : undefined}
                  title={c.title}
                  aria-sort={active ? (params.order === "asc" ? "ascending" : "descending") : undefined}
                >
                  <Link prefetch={false}
                    href={pricingHref({ ...params, sort: c.key, order: nextOrder, page: 1 })}
                    scroll={false}
                    className="sort-link"
                    data-testid={`price-sort-${c.key}`}
                  >
                    {c.label}
                    <span aria-hidden="true" className="sort-icon">
                      {active ? (params.order === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </Link>
                </th>
              );
            })}
            <th>Source</th>
            <th>History</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const p = m.shown;
            const cells = (
              <>
                <td>{m.provider}</td>
                <td>
                  {m.name}
                  {m.name.includes(m.modelKey) ? null : <small className="sub">{m.modelKey}</small>}
                  {m.hasCurrent ? null : <small className="sub warn">no price in force: newest version shown</small>}
                  {priceTierNotes(p).map((note) => (
                    <small key={note} className="sub" data-testid="price-tier">
                      {note}
                    </small>
                  ))}
                  {p.tiersFrom ? (
                    <small className="sub muted" data-testid="price-tiers-from">
                      tier prices from the {p.tiersFrom.effectiveDate} version ({p.tiersFrom.source.title}), whose standard prices are the same
                    </small>
                  ) : null}
                </td>
                <td className="num" data-testid="price-input">
                  {formatUsdPerMTok(p.inputUsdPerMTok)}
                </td>
                <td className="num">{formatUsdPerMTok(p.cachedInputUsdPerMTok)}</td>
                <td className="num" data-testid="price-output">
                  {formatUsdPerMTok(p.outputUsdPerMTok)}
                </td>
                <td className="num">{formatUsdPerMTok(blendedUsdPerMTok(p.inputUsdPerMTok, p.outputUsdPerMTok))}</td>
                <td>
                  {effectiveLabel(p)}
                  <small className="sub">
                    <StatusBadge status={p.status} />
                  </small>
                </td>
                <td>
                  <SourceOf price={p} />
                </td>
              </>
            );
            const rowProps = { "data-testid": "price-row", "data-provider": m.provider, "data-key": m.key };
            return m.history.length === 0 ? (
              <tr key={m.key} {...rowProps}>
                {cells}
                <td>
                  <span className="muted">–</span>
                </td>
              </tr>
            ) : (
              <ExpandableRow
                key={m.key}
                cells={cells}
                details={<HistoryTable model={m} />}
                toggleLabel={`${m.history.length} more`}
                toggleDescription={`${m.history.length} other price versions of ${m.name}`}
                colSpan={COLUMN_COUNT}
                rowProps={rowProps}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
