import Link from "next/link";
import type { PriceQuality } from "@/lib/charts/price-quality";
import { formatCount } from "@/lib/format/numbers";
import { pricingHref, type PricingPageParams } from "../page-href";
import { LazyPriceQualityChart } from "./lazy-price-quality-chart";

/** Price per quality: the chart where prices carry a score, else a plain statement that none does. */
export function PriceQualitySection({ data, params, models }: { data: PriceQuality; params: PricingPageParams; models: number }) {
  return (
    <section className="chart-section" aria-labelledby="price-quality-title">
      <h2 id="price-quality-title">Price against quality</h2>
      <p className="note">
        Blended price: USD per 1M tokens of a 3 input : 1 output mix, (3 × input + output) ÷ 4, against a quality score
        the price row carries.
      </p>
      {data.metric === null || data.points.length === 0 ? (
        <p className="empty" data-testid="price-quality-none">
          None of the {formatCount(models)} prices shown has a quality score
          {data.metric ? ` with an input price` : ""}, so there is no price-per-quality view for them. The blended price of
          each is in the table above.
        </p>
      ) : (
        <>
          {data.metrics.length > 1 ? (
            <p className="metric-tabs">
              Score:{" "}
              {data.metrics.map((m) =>
                m.metric === data.metric ? (
                  <b key={m.metric} aria-current="true">
                    {m.metric.toUpperCase()} ({m.models})
                  </b>
                ) : (
                  <Link prefetch={false} key={m.metric} href={pricingHref({ ...params, metric: m.metric })} scroll={false}>
                    {m.metric.toUpperCase()} ({m.models})
                  </Link>
                ),
              )}
            </p>
          ) : null}
          <LazyPriceQualityChart points={data.points} metric={data.metric} />
          <p className="note">
            {formatCount(data.points.length)} prices plotted
            {data.withoutScore > 0 ? `; ${formatCount(data.withoutScore)} have no ${data.metric.toUpperCase()} score` : ""}
            {data.withoutInputPrice > 0 ? `; ${formatCount(data.withoutInputPrice)} lack an input price` : ""}.
          </p>
        </>
      )}
    </section>
  );
}
