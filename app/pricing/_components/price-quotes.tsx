import { formatUsdPerMTok } from "@/lib/format/numbers";
import type { QuoteSource } from "@/lib/pricing/price-quotes";
import { StatusBadge } from "@/app/_components/status-badge";
import { SourceLink } from "@/app/_components/source-link";

/** Prices documents quote, by source: claims of that source, apart from the providers' price histories. */
export function PriceQuotes({ groups }: { groups: QuoteSource[] }) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="quotes-heading" data-testid="price-quotes">
      <h2 id="quotes-heading">Prices quoted by documents</h2>
      <p className="muted">
        What articles say a model costs, kept as claims of the article with the date it gives. They are not versions of
        the provider&apos;s price: the table above holds only prices from the providers&apos; lists and feeds.
      </p>
      {groups.map((g) => (
        <div className="table-scroll" key={g.source.id}>
          <table className="history-table" data-testid="price-quote-source" data-source-id={g.source.id}>
            <caption>
              <SourceLink source={g.source} />
            </caption>
            <thead>
              <tr>
                <th>Provider</th>
                <th>Model as quoted</th>
                <th className="num">Input</th>
                <th className="num">Output</th>
                <th className="num">Latency (ms)</th>
                <th>Date stated</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {g.quotes.map((q) => (
                <tr key={q.id} data-testid="price-quote" data-key={q.key}>
                  <td>{q.provider}</td>
                  <td>{q.name}</td>
                  <td className="num">{formatUsdPerMTok(q.inputUsdPerMTok)}</td>
                  <td className="num">{formatUsdPerMTok(q.outputUsdPerMTok)}</td>
                  <td className="num">{q.ttftMs ?? "–"}</td>
                  <td>{q.effectiveDate}</td>
                  <td>
                    <StatusBadge status={q.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
